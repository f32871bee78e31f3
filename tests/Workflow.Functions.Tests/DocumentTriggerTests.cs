using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Workflow.Application.Commands;
using Workflow.Application.Http;
using Workflow.Functions.Http;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests;

/// <summary>
/// The document functions called as the worker calls them (ports in memory): the list and a document's content as the
/// local host answers them, sandboxed and audited; another employer and an unknown document get 404.
/// </summary>
public sealed class DocumentTriggerTests : IAsyncLifetime
{
    const string EmployerA = "0987654394"; // the work-card sample's employer
    const string EmployerB = "0412345614";

    FunctionsApp app = null!;
    string applicationId = null!;

    public async Task InitializeAsync()
    {
        this.app = FunctionsApp.Create();
        HttpOutcome submitted = await this.InvokeAsync("POST", "/api/applications", Sample(), EasyAuth.Header("employer", EmployerA),
            (http, context) => PermitHttpFunctions.SubmitApplication(http.Request, this.app.Client, context, CancellationToken.None));
        Assert.Equal(StatusCodes.Status202Accepted, submitted.Status);
        this.applicationId = submitted.Json.GetProperty("applicationId").GetString()!;
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Fact]
    public async Task A_caseworker_lists_the_documents_and_reads_one_as_received_sandboxed_and_audited()
    {
        HttpOutcome list = await this.ListAsync(EasyAuth.Header("caseworker"));
        Assert.Equal(StatusCodes.Status200OK, list.Status);
        JsonElement[] documents = [.. list.Json.GetProperty("documents").EnumerateArray()];
        Assert.Equal(["employment-contract", "passport", "worker-information-statement"], documents.Select(d => d.GetProperty("type").GetString()).Order(StringComparer.Ordinal));

        JsonElement passport = documents.Single(d => d.GetProperty("type").GetString() == "passport");
        string sha256 = passport.GetProperty("sha256").GetString()!;
        Assert.Equal($"/api/applications/{this.applicationId}/documents/passport/{sha256}", passport.GetProperty("contentUrl").GetString());

        HttpOutcome content = await this.ReadAsync("passport", sha256, EasyAuth.Header("caseworker"));
        Assert.Equal(StatusCodes.Status200OK, content.Status);
        Assert.Equal("application/pdf", content.ContentType);
        Assert.Equal(SampleContent("passport"), content.Body);
        Assert.Equal(DocumentApi.ContentSecurityPolicy, content.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", content.Headers.XContentTypeOptions.ToString());
        Assert.StartsWith("inline; filename=passport.pdf", content.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Single(this.app.AuditLog.Entries, e => e.ApplicationId == this.applicationId && e.Event == CommandEvents.DocumentRead && e.Details["sha256"] == sha256);
    }

    [Fact]
    public async Task The_applicants_own_employer_reads_its_documents_another_employer_and_an_unknown_document_get_404()
    {
        HttpOutcome list = await this.ListAsync(EasyAuth.Header("caseworker"));
        string sha256 = list.Json.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("type").GetString() == "passport").GetProperty("sha256").GetString()!;

        Assert.Equal(StatusCodes.Status200OK, (await this.ReadAsync("passport", sha256, EasyAuth.Header("employer", EmployerA))).Status);
        foreach (HttpOutcome refused in new[]
        {
            await this.ListAsync(EasyAuth.Header("employer", EmployerB)),
            await this.ReadAsync("passport", sha256, EasyAuth.Header("employer", EmployerB)),
            await this.ReadAsync("diploma", sha256, EasyAuth.Header("caseworker")),
            await this.ReadAsync("passport", new string('0', 64), EasyAuth.Header("caseworker")),
            await this.ReadAsync("passport", "not-a-hash", EasyAuth.Header("caseworker")),
        })
        {
            Assert.Equal(StatusCodes.Status404NotFound, refused.Status);
            Assert.Equal("application/problem+json", refused.ContentType);
        }
    }

    static string Sample() => File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "work-card.json"));

    static string SampleContent(string type)
    {
        using JsonDocument sample = JsonDocument.Parse(Sample());
        JsonElement document = sample.RootElement.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("type").GetString() == type);
        return Encoding.UTF8.GetString(Convert.FromBase64String(document.GetProperty("contentBase64").GetString()!));
    }

    Task<HttpOutcome> ListAsync(string principal) =>
        this.InvokeAsync("GET", $"/api/applications/{this.applicationId}/documents", null, principal,
            (http, context) => DocumentHttpFunctions.ListDocuments(http.Request, this.applicationId, context, CancellationToken.None));

    Task<HttpOutcome> ReadAsync(string type, string sha256, string principal) =>
        this.InvokeAsync("GET", $"/api/applications/{this.applicationId}/documents/{type}/{sha256}", null, principal,
            (http, context) => DocumentHttpFunctions.GetDocument(http.Request, this.applicationId, type, sha256, context, CancellationToken.None));

    async Task<HttpOutcome> InvokeAsync(string method, string path, string? json, string principal, Func<DefaultHttpContext, TestFunctionContext, Task<IResult>> function)
    {
        (TestFunctionContext context, DefaultHttpContext http) = this.app.Invocation(method, path, json, principal: principal);
        await using (context)
        {
            return await HttpOutcome.ExecuteAsync(await function(http, context), http);
        }
    }
}
