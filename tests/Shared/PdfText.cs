using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Workflow.Tests.Shared;

/// <summary>
/// The text of a PDF as a reader extracts it (PdfPig), a page at a time, in the order it was drawn, with every run of
/// white space (line breaks included) made one space, so that a sentence wrapped over lines reads as one.
/// </summary>
internal static partial class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using PdfDocument document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page => Normalised(ContentOrderTextExtractor.GetText(page)))];
    }

    /// <summary>The whole document: its pages one after the other.</summary>
    public static string Of(byte[] pdf) => string.Join(" ", Pages(pdf));

    static string Normalised(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
