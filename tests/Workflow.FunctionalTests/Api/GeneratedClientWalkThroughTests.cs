using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Workflow.Client;
using Workflow.Client.Models;
using Workflow.FunctionalTests.Infrastructure;
using Roles = Workflow.Application.Access.Roles;

namespace Workflow.FunctionalTests.Api;

/// <summary>
/// The README walk-through with the client Kiota generated from the served OpenAPI document (clients/Workflow.Client),
/// on the real engine: what the document says is what the API does, or the generated client could not drive it.
/// Nothing is hand-written but the bearer tokens and the federal office's signature; the payer's click at the
/// simulated provider's checkout is a plain POST (the provider's page is not part of the API).
/// </summary>
public sealed class GeneratedClientWalkThroughTests
{
    [Fact]
    public async Task The_generated_client_submits_pays_reads_decides_and_reads_the_letter()
    {
        PermitHost host = await SharedHost.GetAsync();
        JsonObject sample = Samples.Load(Samples.HighlySkilled);
        PermitApiClient employer = GeneratedClients.As(host, Roles.Employer, ApiClient.ApplicantKey(sample));
        PermitApiClient caseworker = GeneratedClients.As(host, Roles.Caseworker);
        PermitApiClient federalOffice = GeneratedClients.FederalOffice(host);

        // The public list of refusal grounds, without a token.
        List<DecisionGround>? grounds = await GeneratedClients.Anonymous(host).Api.DecisionGrounds.GetAsync();
        Assert.Contains(grounds!, g => g.Code == "category-conditions-not-met" && !string.IsNullOrEmpty(g.Section));

        // Submit the highly skilled sample as its employer: 202 with the status address and the fee due.
        SubmitApplicationRequest application = (await KiotaJsonSerializer.DeserializeAsync(sample.ToJsonString(), SubmitApplicationRequest.CreateFromDiscriminatorValue))!;
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        SubmissionAccepted? submitted = await employer.Api.Applications.PostAsync(application, c => c.Options.Add(headers));
        string applicationId = submitted!.ApplicationId!;
        Assert.False(submitted.Repeated);
        Assert.Equal(submitted.StatusUrl, Assert.Single(headers.ResponseHeaders["Location"]));
        Assert.Equal(FeeStatus.Due, submitted.Fee!.Status);
        Assert.True(submitted.Fee.Amount > 0 && decimal.Round(submitted.Fee.Amount.Value, 2) == submitted.Fee.Amount, $"fee {submitted.Fee.Amount}");
        Assert.Equal("EUR", submitted.Fee.Currency);

        // The same submission again is answered from its record.
        SubmissionAccepted? again = await employer.Api.Applications.PostAsync(application);
        Assert.True(again!.Repeated);
        Assert.Equal(applicationId, again.ApplicationId);

        // Start the payment (202, the checkout to pay at), then pay at the simulated provider's checkout: its signed callback pays the fee.
        CommandAnswer? payment = await employer.Api.Applications[applicationId].Payments.PostAsync(new PaymentRequest { PaymentId = "PAY-0001" });
        Assert.False(payment!.Repeated);
        Assert.Equal("payment", payment.Kind);
        string checkoutUrl = Assert.IsType<string>(payment.Details!.AdditionalData["checkoutUrl"]);
        using (HttpResponseMessage paid = await host.Api.Http.PostAsync(new Uri(checkoutUrl + "/pay", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, paid.StatusCode);
        }

        // The caseworker's view: the whole record, once the file is complete and handed to the federal office.
        ApplicationView staffView = await Eventually.ReturnsAsync(
            async () => (await caseworker.Api.Applications[applicationId].GetAsync())?.ApplicationView is { Stage: Stage.AwaitingDecision, FederalLeg.HandoffId: not null } view ? view : null,
            Scenario.StepTimeout,
            $"{applicationId} to await the caseworker with its federal handoff");
        Assert.Equal(FeeStatus.Paid, staffView.Fee!.Status);
        Assert.False(string.IsNullOrEmpty(staffView.WorkflowVersion));
        Assert.Contains("caseworker-decision", staffView.Awaiting!);

        // The employer's view of the same application: its own procedure, not the staff record.
        ApplicationStatus? employerStatus = await employer.Api.Applications[applicationId].GetAsync();
        Assert.Null(employerStatus!.ApplicationView);
        Assert.Equal(ApplicantStage.InAssessment, employerStatus.ApplicantView!.Stage);
        Assert.Equal(FeeStatus.Paid, employerStatus.ApplicantView.Fee!.Status);

        // Decide as the caseworker; the same command again is a repeat, another decision a 409 problem.
        var decision = new DecisionRequest { DecisionId = "DEC-0001", Verdict = CaseworkerVerdict.Approve, Grounds = [], Motivation = "Master in robotics, salary above the threshold." };
        CommandAnswer? decided = await caseworker.Api.Applications[applicationId].Decision.PostAsync(decision);
        Assert.False(decided!.Repeated);
        Assert.True((await caseworker.Api.Applications[applicationId].Decision.PostAsync(decision))!.Repeated);
        var another = new DecisionRequest { DecisionId = "DEC-0002", Verdict = CaseworkerVerdict.Approve, Grounds = [], Motivation = "A second opinion." };
        ProblemDetails conflict = await Assert.ThrowsAsync<ProblemDetails>(() => caseworker.Api.Applications[applicationId].Decision.PostAsync(another));
        Assert.Equal((int)HttpStatusCode.Conflict, conflict.ResponseStatusCode);
        Assert.Equal(409, conflict.Status);

        // The federal office's decision through the signed webhook.
        FederalHandlingResult? delivered = await federalOffice.Api.Federal.Decisions.PostAsync(new FederalInboundMessage
        {
            MessageId = $"dvz-{Guid.NewGuid():N}",
            Kind = FederalInboundKind.Decision,
            ApplicationId = applicationId,
            HandoffId = staffView.FederalLeg!.HandoffId,
            Decision = FederalVerdict.Approved,
            ReasonCodes = [],
        });
        Assert.Equal(FederalHandling.Delivered, delivered!.Handling);

        // The decision's fate, then the closed application and its letter, as the employer reads them.
        await Eventually.HoldsAsync(
            async () => (await caseworker.Api.Applications[applicationId].Commands["decision"]["DEC-0001"].GetAsync())?.Command?.Fate == CommandFate.Accepted,
            Scenario.StepTimeout,
            "the decision to be accepted");
        ApplicantView closed = await Eventually.ReturnsAsync(
            async () => (await employer.Api.Applications[applicationId].GetAsync())?.ApplicantView is { Stage: ApplicantStage.Closed } view ? view : null,
            Scenario.StepTimeout,
            $"{applicationId} to close");
        Assert.Equal(Outcome.Granted, closed.Decision!.Outcome);
        await using Stream? pdf = await employer.Api.Applications[applicationId].Letter.GetAsync();
        using var letter = new MemoryStream();
        await pdf!.CopyToAsync(letter);
        Assert.Contains("Decision: GRANTED", Workflow.Tests.Shared.PdfText.Of(letter.ToArray()), StringComparison.Ordinal);
        await Scenario.CompletedAsync(host, applicationId);
    }
}
