using System.Net;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Rules;

/// <summary>
/// A function the concept note excludes outright (§2.3: the category "other" at a low-skilled level, seasonal work
/// excepted) is inadmissible on receipt: its ground in the letter, no fee asked, nothing sent to the federal office.
/// Seasonal work at the same level runs on (CategoryEndToEndTests: the seasonal sample is at VKS 2).
/// </summary>
public sealed class ExcludedFunctionTests
{
    [Fact]
    public async Task A_low_skilled_function_in_the_category_other_is_inadmissible_on_receipt_without_a_fee_or_a_federal_handoff()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject application = Samples.Load(Samples.Other, a => a["job"]!["vksLevel"] = 2);

        using HttpResponseMessage submitted = await host.Api.AsApplicant(application).PostJsonAsync("/api/applications", application);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        JsonNode answer = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        Assert.Equal("not-due", answer["fee"]!["status"]!.GetValue<string>()); // the first answer asks for nothing
        string applicationId = answer["applicationId"]!.GetValue<string>();

        JsonNode result = await Scenario.CompletedAsync(host, applicationId);
        Assert.Equal("inadmissible", result["outcome"]!.GetValue<string>());
        Assert.Equal(["function-excluded"], result["grounds"]!.AsArray().Select(g => g!.GetValue<string>()));

        string letter = await host.Api.As(Roles.Caseworker).LetterTextAsync(applicationId);
        Assert.Contains("Decision: INADMISSIBLE", letter, StringComparison.Ordinal);
        Assert.Contains($"{DecisionGrounds.FunctionExcluded.DescriptionNl} (§2.3, function-excluded)", letter, StringComparison.Ordinal);

        JsonNode status = await host.Api.GetAsync(applicationId);
        List<string> timeline = [.. status["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>())];
        Assert.Contains("function-excluded", timeline);
        Assert.DoesNotContain("sources-gathered", timeline); // nothing to read for a file that cannot be admitted
        Assert.DoesNotContain("federal-handoff-sent", timeline);
        Assert.Empty(host.FederalOffice.MessagesFor(applicationId));
        Assert.Equal("not-due", status["fee"]!["status"]!.GetValue<string>());

        // The employer's view: the letter, the ground; no fee to pay.
        JsonNode employerView = JsonNode.Parse(await host.Api.AsApplicant(application).Http.GetStringAsync($"/api/applications/{applicationId}"))!;
        Assert.Equal("function-excluded", employerView["decision"]!["grounds"]![0]!["code"]!.GetValue<string>());
        using HttpResponseMessage payment = await host.Api.AsApplicant(application).PostJsonAsync(
            $"/api/applications/{applicationId}/payments", new JsonObject { ["paymentId"] = "PAY-EX-1", ["amount"] = 200, ["currency"] = "EUR" });
        Assert.Equal(HttpStatusCode.Conflict, payment.StatusCode);
    }
}
