namespace Workflow.Orchestrations.Ports;

/// <summary>A letter as kept in the dossier: its bytes and their content type (a PDF; a decision letter of before the PDFs is plain text).</summary>
public sealed record LetterFile(ReadOnlyMemory<byte> Content, string ContentType)
{
    public const string PdfContentType = "application/pdf";

    /// <summary>The content type of the plain-text decision letters written before the PDF letters.</summary>
    public const string TextContentType = "text/plain; charset=utf-8";

    public static LetterFile Pdf(byte[] content) => new(content, PdfContentType);
}
