using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.Application.Http;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Api;

/// <summary>
/// The dossier's documents over HTTP on the real host: the list, each content byte for byte with its stored type, shown
/// inline and sandboxed so it can never run script; read by staff and by the applicant's own employer, every read
/// audited with who read it; another employer, an unknown document and a malformed address get 404.
/// </summary>
public sealed class DocumentReadTests
{
    /// <summary>A 1×1 PNG: a document the browser shows as an image.</summary>
    internal const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    const string OtherEmployer = "0412345614";

    /// <summary>The work-card sample with its passport as a PNG image.</summary>
    internal static JsonObject WithPassportImage(JsonObject sample)
    {
        JsonNode passport = sample["documents"]!.AsArray().First(d => d!["type"]!.GetValue<string>() == "passport")!;
        passport["fileName"] = "passport-scan.png";
        passport["contentType"] = "image/png";
        passport["contentBase64"] = TinyPng;
        return sample;
    }

    [Fact]
    public async Task Staff_and_the_own_employer_read_each_document_as_received_sandboxed_and_every_read_is_audited()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject sample = Samples.Load(Samples.WorkCard, s => WithPassportImage(s));
        string id = await host.Api.SubmitAsync(sample);
        try
        {
            ApiClient caseworker = host.Api.AsPerson(Roles.Caseworker, "cw-docs", "Dora Docs");
            JsonNode list = JsonNode.Parse(await caseworker.Http.GetStringAsync($"/api/applications/{id}/documents"))!;
            Assert.Equal(id, list["applicationId"]!.GetValue<string>());
            JsonArray documents = list["documents"]!.AsArray();
            Assert.Equal(
                sample["documents"]!.AsArray().Select(d => d!["type"]!.GetValue<string>()).Order(StringComparer.Ordinal),
                documents.Select(d => d!["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));

            JsonNode passport = documents.Single(d => d!["type"]!.GetValue<string>() == "passport")!;
            Assert.Equal("passport-scan.png", passport["fileName"]!.GetValue<string>());
            Assert.Equal("image/png", passport["contentType"]!.GetValue<string>());
            byte[] png = Convert.FromBase64String(TinyPng);
            Assert.Equal(png.Length, passport["size"]!.GetValue<long>());
            string sha256 = passport["sha256"]!.GetValue<string>();
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), sha256);
            string contentUrl = passport["contentUrl"]!.GetValue<string>();
            Assert.Equal($"/api/applications/{id}/documents/passport/{sha256}", contentUrl);

            foreach (ApiClient reader in new[] { caseworker, host.Api.As(Roles.Manager), host.Api.As(Roles.Inspector), host.Api.AsEmployerOf(id) })
            {
                using HttpResponseMessage content = await reader.Http.GetAsync(contentUrl);
                Assert.Equal(HttpStatusCode.OK, content.StatusCode);
                Assert.Equal(png, await content.Content.ReadAsByteArrayAsync());
                Assert.Equal("image/png", content.Content.Headers.ContentType?.MediaType);
                Assert.Equal("inline", content.Content.Headers.ContentDisposition?.DispositionType);
                Assert.Equal("passport-scan.png", content.Content.Headers.ContentDisposition?.FileName);
                Assert.Equal(DocumentApi.ContentSecurityPolicy, string.Join(", ", content.Headers.GetValues("Content-Security-Policy")));
                Assert.Equal("nosniff", string.Join(", ", content.Headers.GetValues("X-Content-Type-Options")));
                Assert.True(content.Headers.CacheControl?.NoStore, "a document holds personal data: no cache may keep it");
            }

            // Every read is on the record with who read it, for managers and inspectors; not in the applicant's view.
            JsonNode audited = await host.Api.As(Roles.Manager).GetAsync(id);
            JsonNode[] reads = [.. audited["timeline"]!.AsArray().Where(e => e!["event"]!.GetValue<string>() == "document-read")!];
            Assert.Equal(4, reads.Length);
            Assert.Contains(reads, e => e!["by"]?.GetValue<string>() == "cw-docs" && e["byName"]?.GetValue<string>() == "Dora Docs"
                && e["details"]!["type"]!.GetValue<string>() == "passport" && e["details"]!["sha256"]!.GetValue<string>() == sha256);
            JsonNode own = JsonNode.Parse(await host.Api.AsEmployerOf(id).Http.GetStringAsync($"/api/applications/{id}"))!;
            Assert.DoesNotContain(own["timeline"]!.AsArray(), e => e!["event"]!.GetValue<string>() == "document-read");
        }
        finally
        {
            await Scenario.EndAsync(host, id);
        }
    }

    [Fact]
    public async Task Another_employer_an_unknown_document_and_a_malformed_address_get_404_and_nothing_is_audited()
    {
        PermitHost host = await SharedHost.GetAsync();
        string id = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        try
        {
            ApiClient caseworker = host.Api.As(Roles.Caseworker);
            JsonNode list = JsonNode.Parse(await caseworker.Http.GetStringAsync($"/api/applications/{id}/documents"))!;
            string sha256 = list["documents"]!.AsArray().First(d => d!["type"]!.GetValue<string>() == "passport")!["sha256"]!.GetValue<string>();
            string unknownApplication = ApplicationIds.Derive(OtherEmployer, "NEVER-SUBMITTED-DOCS");

            // Another employer learns nothing: its answers are those for an application that does not exist.
            ApiClient stranger = host.Api.As(Roles.Employer, OtherEmployer);
            foreach (string path in new[] { $"/api/applications/{id}/documents", $"/api/applications/{id}/documents/passport/{sha256}" })
            {
                using HttpResponseMessage foreign = await stranger.Http.GetAsync(path);
                using HttpResponseMessage missing = await stranger.Http.GetAsync(path.Replace(id, unknownApplication, StringComparison.Ordinal));
                Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
                Assert.Equal(
                    (await ApiClient.ProblemAsync(missing)).GetProperty("detail").GetString()!.Replace(unknownApplication, "ID", StringComparison.Ordinal),
                    (await ApiClient.ProblemAsync(foreign)).GetProperty("detail").GetString()!.Replace(id, "ID", StringComparison.Ordinal));
            }

            foreach (string path in new[]
            {
                $"/api/applications/{id}/documents/passport/{new string('0', 64)}", // no such content
                $"/api/applications/{id}/documents/diploma/{sha256}", // the content, but not of that type
                $"/api/applications/{id}/documents/passport/{sha256.ToUpperInvariant()}", // not as the API names it
                $"/api/applications/{id}/documents/no-such-type/{sha256}",
                $"/api/applications/{id}/documents/passport/not-a-hash",
                $"/api/applications/{unknownApplication}/documents",
                "/api/applications/not-an-id/documents",
            })
            {
                using HttpResponseMessage response = await caseworker.Http.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            JsonNode status = await host.Api.As(Roles.Manager).GetAsync(id);
            Assert.DoesNotContain(status["timeline"]!.AsArray(), e => e!["event"]!.GetValue<string>() == "document-read");
        }
        finally
        {
            await Scenario.EndAsync(host, id);
        }
    }
}
