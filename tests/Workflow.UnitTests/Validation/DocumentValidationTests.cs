using System.Security.Cryptography;
using System.Text;
using Workflow.Application.Submissions;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Domain;
using Workflow.UnitTests.Support;
using static Workflow.UnitTests.Validation.ValidationHarness;

namespace Workflow.UnitTests.Validation;

/// <summary>Documents in a submission: known type, plain file name, content type checked against the bytes, sizes.</summary>
public class DocumentValidationTests
{
    static readonly SubmitApplicationRequest Base = Samples.Request(PermitCategory.Other);

    static SubmitApplicationRequest WithDocuments(params DocumentInput[] documents) => Base with { Documents = documents };

    static string PdfOfSize(int bytes)
    {
        byte[] content = new byte[bytes];
        "%PDF-1.4\n"u8.CopyTo(content);
        return Convert.ToBase64String(content);
    }

    [Fact]
    public void A_valid_document_is_recorded_with_its_size_and_lowercase_hex_sha256()
    {
        ValidatedSubmission result = AssertValid(WithDocuments(Samples.Pdf(DocumentTypes.VacancyEvidence, "vacancy-vdab.pdf")));

        ValidatedDocument document = Assert.Single(result.Documents);
        string expectedHash = string.Concat(SHA256.HashData(Samples.PdfBytes).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Samples.PdfSha256, expectedHash); // the in-test computation agrees with an outside one
        Assert.Equal(
            new StoredDocument(DocumentTypes.VacancyEvidence, "vacancy-vdab.pdf", "application/pdf", Samples.PdfBytes.Length, Samples.PdfSha256, Samples.Now),
            document.Record);
        Assert.Equal(48, document.Record.Size);
        Assert.Equal(Samples.PdfBytes, document.Content.ToArray());
    }

    [Fact]
    public void Png_and_jpeg_documents_with_matching_names_and_bytes_are_accepted()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
        ValidatedSubmission result = AssertValid(WithDocuments(
            new DocumentInput(DocumentTypes.Passport, "passport.PNG", "image/png", Convert.ToBase64String(Samples.PngBytes)),
            new DocumentInput(DocumentTypes.Diploma, "diploma.jpeg", "image/jpeg", Convert.ToBase64String(jpeg)),
            new DocumentInput(DocumentTypes.Other, "photo.jpg", "image/jpeg", Convert.ToBase64String(jpeg))));

        Assert.Equal([16L, 10L, 10L], result.Documents.Select(d => d.Record.Size));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(jpeg)), result.Documents[2].Record.Sha256);
    }

    [Fact]
    public void No_documents_at_submission_is_accepted()
    {
        Assert.Empty(AssertValid(Base with { Documents = [] }).Documents);
        Assert.Empty(AssertValid(Base with { Documents = null }).Documents);
    }

    [Theory]
    [InlineData("../etc/passwd.pdf")]
    [InlineData("a/b.pdf")]
    [InlineData("..\\x.pdf")]
    [InlineData("/etc/passwd.pdf")]
    [InlineData("C:passport.pdf")]
    [InlineData("..pdf")]
    [InlineData(".hidden.pdf")]
    [InlineData("pass\u202Etxt.pdf")] // right-to-left override
    [InlineData("pass\nport.pdf")]
    [InlineData(" passport.pdf")]
    [InlineData("passport.pdf ")]
    [InlineData("passport.png")] // declared application/pdf
    [InlineData("passport.pdf.exe")]
    [InlineData("passport")]
    public void Unsafe_or_mismatched_file_names_are_rejected(string fileName)
    {
        AssertRejected(WithDocuments(Samples.Pdf(fileName: fileName)), "documents[0].fileName");
    }

    [Fact]
    public void A_file_name_longer_than_120_characters_is_rejected()
    {
        AssertRejected(WithDocuments(Samples.Pdf(fileName: new string('a', 117) + ".pdf")), "documents[0].fileName");
        AssertValid(WithDocuments(Samples.Pdf(fileName: new string('a', 116) + ".pdf")));
    }

    [Fact]
    public void The_field_path_names_the_index_of_the_document_at_fault()
    {
        AssertRejected(WithDocuments(Samples.Pdf(), Samples.Pdf(fileName: "a/b.pdf")), "documents[1].fileName");
    }

    [Fact]
    public void Png_bytes_declared_as_pdf_are_rejected()
    {
        var document = new DocumentInput(DocumentTypes.Passport, "passport.pdf", "application/pdf", Convert.ToBase64String(Samples.PngBytes));

        AssertRejected(WithDocuments(document), "documents[0].contentBase64");
    }

    [Fact]
    public void Pdf_bytes_declared_as_png_are_rejected()
    {
        var document = new DocumentInput(DocumentTypes.Passport, "passport.png", "image/png", Convert.ToBase64String(Samples.PdfBytes));

        AssertRejected(WithDocuments(document), "documents[0].contentBase64");
    }

    [Theory]
    [InlineData("not base64!!")]
    [InlineData("JVBERi0xLjQK*")]
    [InlineData("JVBERi0xLjQ")] // missing padding
    public void Invalid_base64_is_rejected(string content)
    {
        AssertRejected(WithDocuments(Samples.Pdf() with { ContentBase64 = content }), "documents[0].contentBase64");
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Empty_content_is_rejected(string? content)
    {
        AssertRejected(WithDocuments(Samples.Pdf() with { ContentBase64 = content }), "documents[0].contentBase64");
    }

    [Theory]
    [InlineData("selfie")]
    [InlineData("Passport")]
    [InlineData("../passport")]
    public void Unknown_document_type_is_rejected(string type)
    {
        AssertRejected(WithDocuments(Samples.Pdf(type: type)), "documents[0].type");
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/octet-stream")]
    [InlineData("APPLICATION/PDF")]
    [InlineData("image/svg+xml")]
    public void Content_type_outside_pdf_png_and_jpeg_is_rejected(string contentType)
    {
        AssertRejected(WithDocuments(Samples.Pdf() with { ContentType = contentType }), "documents[0].contentType");
    }

    [Fact]
    public void More_than_20_documents_are_rejected()
    {
        DocumentInput[] documents = [.. Enumerable.Range(0, 21).Select(i => Samples.Pdf(fileName: $"page-{i}.pdf"))];

        AssertRejected(WithDocuments(documents), "documents");
    }

    [Fact]
    public void Twenty_documents_are_accepted()
    {
        DocumentInput[] documents = [.. Enumerable.Range(0, 20).Select(i => Samples.Pdf(fileName: $"page-{i}.pdf"))];

        Assert.Equal(20, AssertValid(WithDocuments(documents)).Documents.Count);
    }

    [Fact]
    public void A_document_over_5_MiB_is_rejected()
    {
        var document = Samples.Pdf() with { ContentBase64 = PdfOfSize((5 * 1024 * 1024) + 1) };

        AssertRejected(WithDocuments(document), "documents[0].contentBase64");
    }

    [Fact]
    public void A_document_of_exactly_5_MiB_is_accepted()
    {
        var document = Samples.Pdf() with { ContentBase64 = PdfOfSize(5 * 1024 * 1024) };

        Assert.Equal(5 * 1024 * 1024, AssertValid(WithDocuments(document)).Documents[0].Record.Size);
    }

    [Fact]
    public void A_huge_base64_string_is_rejected_as_too_large()
    {
        var document = Samples.Pdf() with { ContentBase64 = new string('A', 8 * 1024 * 1024) };

        AssertRejected(WithDocuments(document), "documents[0].contentBase64");
    }

    [Fact]
    public void Documents_over_20_MiB_together_are_rejected()
    {
        string fourAndAHalfMiB = PdfOfSize(9 * 512 * 1024);
        DocumentInput[] documents = [.. Enumerable.Range(0, 5).Select(i => Samples.Pdf(fileName: $"part-{i}.pdf") with { ContentBase64 = fourAndAHalfMiB })];

        AssertRejected(WithDocuments(documents), "documents");
    }

    [Fact]
    public void Documents_required_at_a_later_step_must_not_be_empty()
    {
        var errors = new ValidationErrors();

        IReadOnlyList<ValidatedDocument> documents = DocumentRules.Validate(errors, "documents", [], Samples.Now, required: true);

        Assert.Empty(documents);
        Assert.Equal(["documents"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_null_entry_in_the_list_is_rejected_with_its_index()
    {
        var errors = new ValidationErrors();

        DocumentRules.Validate(errors, "documents", [Samples.Pdf(), null], Samples.Now, required: true);

        Assert.Equal(["documents[1]"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_document_with_several_problems_reports_each_field()
    {
        var document = new DocumentInput("selfie", "../x.pdf", "application/pdf", Convert.ToBase64String(Encoding.ASCII.GetBytes("<html>")));

        AssertRejected(WithDocuments(document), "documents[0].type", "documents[0].fileName", "documents[0].contentBase64");
    }
}
