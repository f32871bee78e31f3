using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Tests.Shared;

namespace Workflow.FunctionalTests.Workflows;

/// <summary>
/// The decision letter on the real engine: a PDF in the dossier, in Dutch with its English translation, downloaded
/// through the API by the employer with the grounds and the appeal route in it, and delivered to the employer's e-Box
/// (the simulated one records it) exactly once, a retried delivery included. A text letter of before the PDFs is still
/// served as it was stored.
/// </summary>
public sealed class LetterTests
{
    [Fact]
    public async Task A_refusal_with_grounds_is_a_bilingual_pdf_letter_for_the_employer_and_reaches_its_ebox_once()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject application = Samples.Load(Samples.WorkCard);
        string kbo = application["employer"]!["kbo"]!.GetValue<string>();
        (string applicationId, _) = await Scenario.AtCaseworkerAsync(host, Samples.WorkCard);
        DecisionGround[] cited = [DecisionGrounds.NonEuWorkforceOnly, DecisionGrounds.FalseDocuments];

        await host.Api.DecideAsync(applicationId, "refuse", [.. cited.Select(g => g.Code)]);
        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("refused", result["outcome"]!.GetValue<string>());

        // The employer downloads it: a PDF with its name, kept by no cache.
        ApiClient employer = host.Api.AsEmployerOf(applicationId);
        using HttpResponseMessage download = await employer.Http.GetAsync($"/api/applications/{applicationId}/letter");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        byte[] pdf = await download.Content.ReadAsByteArrayAsync();
        IReadOnlyList<string> pages = PdfText.Pages(pdf);
        string text = string.Join(" ", pages);

        // Dutch first, then the English translation; each ground with its section, the appeal route of the policy data.
        AppealRouteEntry appeal = PolicyCatalog.Embedded.AppealRouteOn(PolicyCatalog.BelgianDate(DateTimeOffset.UtcNow))!;
        int english = text.IndexOf("Decision on an application for a work authorisation", StringComparison.Ordinal);
        Assert.True(text.IndexOf("Beslissing: GEWEIGERD", StringComparison.Ordinal) is >= 0 and var dutch && dutch < english, "the Dutch letter comes first");
        Assert.Contains("Decision: REFUSED", text[english..], StringComparison.Ordinal);
        foreach (DecisionGround ground in cited)
        {
            int nl = text.IndexOf($"{ground.DescriptionNl} ({ground.Section}, {ground.Code})", StringComparison.Ordinal);
            int en = text.IndexOf($"{ground.Description} ({ground.Section}, {ground.Code})", StringComparison.Ordinal);
            Assert.InRange(nl, 0, english);
            Assert.True(en > english, $"{ground.Code} is cited in the translation too");
        }

        Assert.InRange(text.IndexOf($"Beroep {appeal.Dutch}", StringComparison.Ordinal), 0, english);
        Assert.True(text.IndexOf($"Appeal {appeal.English}", StringComparison.Ordinal) > english, "the appeal route in English");
        Assert.Contains($"KBO {kbo}", text, StringComparison.Ordinal);
        Assert.Contains(applicationId, pages[0], StringComparison.Ordinal);

        // The e-Box: the employer's letter, recorded once, the very PDF the dossier holds.
        TableEntity delivery = Assert.Single(await host.Storage.RowsAsync("SimulatedEBox", applicationId));
        Assert.Equal(kbo, delivery.GetString("EnterpriseNumber"));
        Assert.Equal("decision.pdf", delivery.GetString("LetterName"));
        Assert.Equal("application/pdf", delivery.GetString("ContentType"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), delivery.GetString("Sha256"));
        Assert.Contains(applicationId, delivery.GetString("Subject"), StringComparison.Ordinal);

        // A retried delivery (the activity run again after a crash) delivers nothing twice.
        TableEntity notification = Assert.Single(
            await host.Storage.NotificationsAsync(applicationId), n => n.GetString("Kind") == "decision" && n.GetString("Party") == "employer");
        Assert.Equal(notification.GetString("IdempotencyKey"), delivery.GetString("IdempotencyKey"));
        var again = new PartyNotification(
            notification.GetString("IdempotencyKey"), applicationId, Party.Employer, NotificationKind.Decision, [], null, notification.GetString("LetterReference"));
        Assert.True(await host.Services.GetRequiredService<EBoxLetterDelivery>().DeliverAsync(again, CancellationToken.None));
        Assert.Single(await host.Storage.RowsAsync("SimulatedEBox", applicationId));
    }

    [Fact]
    public async Task A_text_letter_of_a_case_decided_before_the_pdfs_is_served_as_it_was_stored()
    {
        PermitHost host = await SharedHost.GetAsync();
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.WorkCard));
        const string Letter = "Decision on an application for a work authorisation (toelating tot arbeid)\nDecision: GRANTED\n";
        await host.Services.GetRequiredService<IDossierStore>().SaveLetterAsync(
            applicationId, LetterNames.LegacyDecisionText, new LetterFile(Encoding.UTF8.GetBytes(Letter), LetterFile.TextContentType), CancellationToken.None);

        using HttpResponseMessage response = await host.Api.As(Roles.Caseworker).Http.GetAsync($"/api/applications/{applicationId}/letter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{applicationId}-decision.txt", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Letter, await response.Content.ReadAsStringAsync());
        await Scenario.EndAsync(host, applicationId);
    }
}
