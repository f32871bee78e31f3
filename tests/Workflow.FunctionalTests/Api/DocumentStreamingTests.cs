using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Api;

/// <summary>
/// Documents as the API streams them into the dossier: the stored bytes are exactly those sent, however the client
/// wrote the base64 (line breaks, escaped characters); a submission is as idempotent as before (the same body is a
/// repeat, other document bytes a conflict); and a refused request adds nothing to the dossier.
/// </summary>
public sealed class DocumentStreamingTests
{
    [Fact]
    public async Task A_submissions_documents_read_back_byte_identical_and_a_repeat_is_the_same_submission()
    {
        PermitHost host = await SharedHost.GetAsync();
        byte[] passport = Pdf(3 * 1024 * 1024, seed: 1);
        JsonObject application = Samples.Load(Samples.HighlySkilled);
        application["documents"]![0]!["contentBase64"] = Convert.ToBase64String(passport, Base64FormattingOptions.InsertLineBreaks); // "\r\n" every 76
        string body = application.ToJsonString();
        Assert.Contains("\\r\\n", body, StringComparison.Ordinal);
        Assert.Contains("\\u002B", body, StringComparison.Ordinal);

        string applicationId = await host.Api.SubmitAsync(application);
        StoredDocument stored = Assert.Single(await DocumentsAsync(host, applicationId), d => d.Type == "passport");
        Assert.Equal(passport, await ContentAsync(host, applicationId, stored));

        ApiClient employer = host.Api.AsApplicant(application);
        using (HttpResponseMessage again = await employer.PostRawAsync("/api/applications", body))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True(JsonNode.Parse(await again.Content.ReadAsStringAsync())!["repeated"]!.GetValue<bool>());
        }

        // The same submission id with one byte of a document changed is another submission.
        passport[^1] ^= 1;
        application["documents"]![0]!["contentBase64"] = Convert.ToBase64String(passport);
        using HttpResponseMessage other = await employer.PostJsonAsync("/api/applications", application);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(4, (await DocumentsAsync(host, applicationId)).Count);
    }

    [Fact]
    public async Task Documents_supplied_later_read_back_byte_identical_and_a_refused_supply_adds_nothing()
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.HighlySkilled, Samples.Without("worker-information-statement")));
        ApiClient employer = host.Api.AsEmployerOf(applicationId);
        byte[] statement = Pdf(4 * 1024 * 1024, seed: 2);
        using (HttpResponseMessage supplied = await employer.PostJsonAsync(
            $"/api/applications/{applicationId}/documents",
            new JsonObject { ["documents"] = new JsonArray(Document("worker-information-statement", statement)) }))
        {
            Assert.Equal(HttpStatusCode.Accepted, supplied.StatusCode);
        }

        IReadOnlyList<StoredDocument> documents = await DocumentsAsync(host, applicationId);
        StoredDocument stored = Assert.Single(documents, d => d.Type == "worker-information-statement");
        Assert.Equal(statement, await ContentAsync(host, applicationId, stored));

        // One good document and one that is not what it says: the request is refused whole, the good one not kept.
        JsonObject png = Document("other", Pdf(16, seed: 3));
        png["contentBase64"] = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABXvMqGgAAAABJRU5ErkJggg==";
        using HttpResponseMessage refused = await employer.PostJsonAsync(
            $"/api/applications/{applicationId}/documents",
            new JsonObject { ["documents"] = new JsonArray(Document("diploma", Pdf(1024 * 1024, seed: 4)), png) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        JsonElement problem = await ApiClient.ProblemAsync(refused);
        Assert.True(problem.GetProperty("errors").TryGetProperty("documents[1].contentBase64", out _));
        Assert.Equal(
            documents.Select(d => d.Sha256).Order(StringComparer.Ordinal),
            (await DocumentsAsync(host, applicationId)).Select(d => d.Sha256).Order(StringComparer.Ordinal));
    }

    static Task<IReadOnlyList<StoredDocument>> DocumentsAsync(PermitHost host, string applicationId) =>
        Dossiers(host).Store.ListDocumentsAsync(applicationId, CancellationToken.None);

    static async Task<byte[]> ContentAsync(PermitHost host, string applicationId, StoredDocument document) =>
        (await Dossiers(host).Container.GetBlobClient(BlobDossierStore.DocumentPath(applicationId, document.Type, document.Sha256)).DownloadContentAsync()).Value.Content.ToArray();

    static (BlobDossierStore Store, BlobContainerClient Container) Dossiers(PermitHost host)
    {
        var blobs = new BlobServiceClient(host.Storage.ConnectionString);
        var names = new StorageNames(host.Options.Name);
        return (new BlobDossierStore(blobs, names), blobs.GetBlobContainerClient(names.DossiersContainer));
    }

    static JsonObject Document(string type, byte[] content) => new()
    {
        ["type"] = type,
        ["fileName"] = type + ".pdf",
        ["contentType"] = "application/pdf",
        ["contentBase64"] = Convert.ToBase64String(content),
    };

    static byte[] Pdf(int size, int seed)
    {
        byte[] content = new byte[size];
        new Random(seed).NextBytes(content);
        "%PDF-1.7\n"u8.CopyTo(content);
        return content;
    }
}
