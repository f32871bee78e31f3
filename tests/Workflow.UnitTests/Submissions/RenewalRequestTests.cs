using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Http;
using Workflow.Application.Submissions;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Serialization;
using Workflow.UnitTests.Support;
using static Workflow.UnitTests.Validation.ValidationHarness;

namespace Workflow.UnitTests.Submissions;

/// <summary>
/// A renewal names the authorisation it renews by its grant's application id (<c>renews</c>): validated for its shape,
/// carried into the dossier and, as an id only, into the workflow's case; the retired flag <c>renewal</c> is refused
/// with a hint at <c>renews</c>; a submission without <c>renews</c> hashes as it did before renewals existed.
/// </summary>
public class RenewalRequestTests
{
    static readonly string Granted = ApplicationIds.Derive(Samples.Kbo, "grant-2023");

    [Fact]
    public void A_renewal_names_the_grant_and_the_dossier_keeps_it()
    {
        ValidatedSubmission result = AssertValid(Samples.Request(PermitCategory.HighlySkilled) with { Renews = Granted });

        Assert.Equal(Granted, result.Renews);
        Assert.Equal(Granted, result.ToDossier("wp-aaaaaaaaaaaaaaaaaaaaaaaaaa", Samples.Now).Renews);
        Assert.Null(AssertValid(Samples.Request(PermitCategory.HighlySkilled)).Renews);
    }

    [Theory]
    [InlineData("")]
    [InlineData("true")]
    [InlineData("WP-AAAAAAAAAAAAAAAAAAAAAAAAAA")] // upper case: not an application id
    [InlineData("wp-aaaaaaaaaaaaaaaaaaaaaaaaa")] // 25 characters after the prefix
    [InlineData("wp-aaaaaaaaaaaaaaaaaaaaaaaaa1")] // 1 is not in the alphabet
    [InlineData("../wp-aaaaaaaaaaaaaaaaaaaaaaa")]
    public void A_renews_that_is_not_an_application_id_is_refused_on_its_path(string renews)
    {
        AssertRejected(Samples.Request(PermitCategory.HighlySkilled) with { Renews = renews }, "renews");
    }

    [Fact]
    public async Task The_retired_renewal_flag_is_refused_with_a_hint_at_renews()
    {
        (int status, string detail) = await ReadSubmissionAsync("""{"submissionId":"S-1","category":"highly-skilled","renewal":true}""");

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("'renewal' is not a member of this body", detail, StringComparison.Ordinal);
        Assert.Contains("give renews, the application id of the grant", detail, StringComparison.Ordinal);

        // Another unknown member keeps the ordinary message, and a nested "renewal" is not the retired flag.
        (int other, string otherDetail) = await ReadSubmissionAsync("""{"submissionId":"S-1","renewed":true}""");
        Assert.Equal(StatusCodes.Status400BadRequest, other);
        Assert.DoesNotContain("renews", otherDetail, StringComparison.Ordinal);
        (_, string nested) = await ReadSubmissionAsync("""{"submissionId":"S-1","job":{"renewal":true}}""");
        Assert.DoesNotContain("give renews", nested, StringComparison.Ordinal);
    }

    [Fact]
    public void A_submission_without_renews_serialises_as_before_so_its_repeats_still_match()
    {
        string json = JsonSerializer.Serialize(Samples.Request(PermitCategory.Other), WorkflowJson.Options);

        Assert.DoesNotContain("renews", json, StringComparison.Ordinal);
        Assert.Contains($"\"renews\":\"{Granted}\"", JsonSerializer.Serialize(Samples.Request(PermitCategory.Other) with { Renews = Granted }, WorkflowJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_of_a_renewal_knows_what_it_renews_and_its_receipt_says_so()
    {
        DateTimeOffset submitted = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        PermitTerms terms = PolicyCatalog.Embedded.Resolve(PermitCategory.HighlySkilled, submitted, inPeakPeriod: false);
        var input = new PermitApplicationInput(ApplicationIds.Derive(Samples.Kbo, "renewal-1"), PermitCategory.HighlySkilled, submitted, TimeSpan.FromDays(1), terms, Renews: Granted);

        Transition start = PermitCaseModel.Start(input, "2.0", submitted);

        Assert.Equal(Granted, start.State.Renews);
        Assert.Equal(FeeStatus.Due, start.State.Fee); // the ordinary fee of the category (§2.5)
        Assert.Equal(terms.Admissibility.Fee, start.State.Terms.Admissibility.Fee);
        CaseStep received = Assert.Single(start.Effects.Steps, s => s.Event == CaseEvents.Received);
        Assert.Equal(Granted, received.Details["renews"]);

        // An input written before renewals existed has no renews: the case is a first application, as it was.
        PermitApplicationInput older = JsonSerializer.Deserialize<PermitApplicationInput>(
            JsonSerializer.Serialize(input with { Renews = null }, WorkflowJson.Options), WorkflowJson.Options)!;
        Transition first = PermitCaseModel.Start(older, "2.0", submitted);
        Assert.Null(first.State.Renews);
        Assert.False(Assert.Single(first.Effects.Steps, s => s.Event == CaseEvents.Received).Details.ContainsKey("renews"));
    }

    /// <summary>Reads a submission body as the submission endpoint does; the problem's status and detail.</summary>
    static async Task<(int Status, string Detail)> ReadSubmissionAsync(string json)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        context.Request.ContentType = "application/json";
        await using var uploads = new DocumentUploads(new RecordingDocumentStaging());
        (SubmitApplicationRequest? value, IResult? problem) = await JsonBody.ReadAsync<SubmitApplicationRequest>(
            context.Request, 1024 * 1024, uploads, CancellationToken.None, SubmitApplicationRequest.RetiredMembers);
        Assert.Null(value);
        var details = (ProblemHttpResult)problem!;
        return (details.StatusCode, details.ProblemDetails.Detail!);
    }
}
