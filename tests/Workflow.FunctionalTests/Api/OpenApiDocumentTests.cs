using System.Text.Json;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Tests.Shared;

namespace Workflow.FunctionalTests.Api;

/// <summary>
/// The OpenAPI document the host serves is the committed one (which CI lints and generates the client from), and it
/// says what the access matrix says: who may call each operation, and how (a bearer token in its roles, a signature,
/// or nothing), with the answers every caller may get.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_served_document_is_the_committed_one_the_client_is_generated_from()
    {
        PermitHost host = await SharedHost.GetAsync();
        string served = await host.Api.Http.GetStringAsync("/api/openapi.json");
        string committed = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "clients", "openapi.json"));
        Assert.True(
            served == committed,
            "The OpenAPI document the host serves differs from clients/openapi.json: run scripts/openapi.sh to write it, lint it and regenerate the client.");
    }

    [Fact]
    public async Task Each_operation_says_who_may_call_it_and_every_answer_it_may_get()
    {
        PermitHost host = await SharedHost.GetAsync();
        using JsonDocument document = JsonDocument.Parse(await host.Api.Http.GetStringAsync("/api/openapi.json"));
        var wrong = new List<string>();
        foreach (AccessRow row in AccessMatrix.Api)
        {
            try
            {
                Check(document, row);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                wrong.Add($"{row}: {e.Message}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task What_an_operation_says_of_itself_stands_between_its_summary_and_who_may_call_it()
    {
        PermitHost host = await SharedHost.GetAsync();
        using JsonDocument document = JsonDocument.Parse(await host.Api.Http.GetStringAsync("/api/openapi.json"));
        JsonElement worklist = document.RootElement.GetProperty("paths").GetProperty("/api/worklist").GetProperty("get");
        string summary = worklist.GetProperty("summary").GetString()!;
        string[] paragraphs = worklist.GetProperty("description").GetString()!.Split("\n\n");

        Assert.Equal(summary, paragraphs[0]);
        Assert.StartsWith("The list is live, not a snapshot", paragraphs[1], StringComparison.Ordinal);
        Assert.StartsWith("Who may call it:", paragraphs[2], StringComparison.Ordinal);
    }

    static void Check(JsonDocument document, AccessRow row)
    {
        JsonElement operation = document.RootElement.GetProperty("paths").GetProperty(row.Route).GetProperty(row.Method.ToLowerInvariant());
        Assert.Equal(row.Name, operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        string description = operation.GetProperty("description").GetString()!;
        JsonElement responses = operation.GetProperty("responses");
        string[] security = [.. operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name))];
        string[] headers = [.. (operation.TryGetProperty("parameters", out JsonElement parameters) ? parameters.EnumerateArray() : [])
            .Where(p => p.GetProperty("in").GetString() == "header" && p.GetProperty("required").GetBoolean())
            .Select(p => p.GetProperty("name").GetString()!)];

        if (row.Anonymous)
        {
            Assert.Empty(security);
            Assert.False(responses.TryGetProperty("403", out _));
            if (row.Route.StartsWith("/api/federal/", StringComparison.Ordinal) || row.Route.StartsWith("/api/payments/", StringComparison.Ordinal))
            {
                string sender = row.Route.StartsWith("/api/federal/", StringComparison.Ordinal) ? "Federal" : "Payment";
                Assert.Equal([$"X-{sender}-Timestamp", $"X-{sender}-Signature"], headers);
                Assert.Equal("#/components/responses/SignatureRefused", Reference(responses, "401"));
                Assert.Contains("HMAC-SHA256", description, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.Equal(["bearer", "entraId"], security);
            Assert.Empty(headers);
            Assert.Contains($"in the role {string.Join(" or ", row.Allowed)}.", description, StringComparison.Ordinal);
            Assert.Equal("#/components/responses/Unauthorized", Reference(responses, "401"));
            Assert.Equal("#/components/responses/Forbidden", Reference(responses, "403"));
        }

        Assert.Equal("#/components/responses/TooManyRequests", Reference(responses, "429"));
        Assert.Contains(responses.EnumerateObject(), r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _));
        if (operation.TryGetProperty("requestBody", out _))
        {
            Assert.Equal("#/components/responses/BadRequest", Reference(responses, "400"));
            Assert.Equal("#/components/responses/PayloadTooLarge", Reference(responses, "413"));
            Assert.Equal("#/components/responses/UnsupportedMediaType", Reference(responses, "415"));
        }

        if (row.Route.Contains('{', StringComparison.Ordinal))
        {
            Assert.Equal("#/components/responses/NotFound", Reference(responses, "404"));
        }
    }

    static string? Reference(JsonElement responses, string status) =>
        responses.TryGetProperty(status, out JsonElement response) && response.TryGetProperty("$ref", out JsonElement reference) ? reference.GetString() : null;
}
