using Microsoft.DurableTask.Client;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Commands;

/// <summary>
/// <c>POST /api/applications/{id}/third-party-requests</c>: the caseworker asks a third party. Document authentication
/// when there is doubt about a diploma or work experience (§2.1, art. 63 BVR: the public employment service, a
/// government service, or the diplomatic or consular post); screening advice on a minister of religion (§2.7).
/// </summary>
public sealed record ThirdPartyRequestRequest(string? RequestId, ThirdPartyKind? Kind, ThirdPartyAuthority? Authority, string? DocumentType, int? DeadlineDays, string? Question);

/// <summary><c>POST /api/applications/{id}/third-party-requests/{requestId}/answer</c>: what the third party answered.</summary>
public sealed record ThirdPartyAnswerRequest(string? AnswerId, ThirdPartyAnswer? Answer, string? Note);

/// <summary>What the dossier keeps of a third-party request and of its answer.</summary>
public sealed record ThirdPartyRecord(string RequestId, ThirdPartyKind Kind, ThirdPartyAuthority Authority, string? DocumentType, int DeadlineDays, string? Question, DateTimeOffset RequestedAt);

public sealed record ThirdPartyAnswerRecord(string RequestId, string AnswerId, ThirdPartyAnswer Answer, string? Note, DateTimeOffset ReceivedAt);

/// <summary>Third parties in the assessment: waits with a deadline that do not pause the SLA clock (DESIGN.md §4).</summary>
public sealed class ThirdPartyCommands(DurableTaskClient client, Ports.ISubmissionLedger ledger, ICaseIndex caseIndex, IDossierStore dossiers, TimeProvider time)
{
    public const int DefaultDeadlineDays = 30;

    static readonly ThirdPartyAuthority[] AuthenticationAuthorities =
        [ThirdPartyAuthority.PublicEmploymentService, ThirdPartyAuthority.GovernmentService, ThirdPartyAuthority.DiplomaticPost];

    static readonly ThirdPartyAnswer[] AuthenticationAnswers = [ThirdPartyAnswer.Authentic, ThirdPartyAnswer.False, ThirdPartyAnswer.Inconclusive];

    static readonly ThirdPartyAnswer[] ScreeningAnswers = [ThirdPartyAnswer.Favourable, ThirdPartyAnswer.Unfavourable];

    public async Task<CommandResult> RequestAsync(string applicationId, ThirdPartyRequestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "requestId", request.RequestId);
        errors.Require("kind", request.Kind);
        errors.Require("authority", request.Authority);
        TextRules.FreeText(errors, "question", request.Question, 4000, required: false);
        if (request.DeadlineDays is < 1 or > 90)
        {
            errors.Add("deadlineDays", "must be from 1 to 90 policy days");
        }

        if (request.Kind == ThirdPartyKind.DocumentAuthentication)
        {
            if (request.Authority is ThirdPartyAuthority authority && !AuthenticationAuthorities.Contains(authority))
            {
                errors.Add("authority", "authentication is asked of the public employment service, a government service or the diplomatic or consular post (art. 63 BVR)");
            }

            if (errors.Require("documentType", request.DocumentType) && !DocumentTypes.Known.Contains(request.DocumentType!))
            {
                errors.Add("documentType", "is not a known document type");
            }
        }
        else if (request.Kind == ThirdPartyKind.ScreeningAdvice)
        {
            if (request.Authority is ThirdPartyAuthority authority && authority != ThirdPartyAuthority.InformationAndScreeningService)
            {
                errors.Add("authority", "screening advice is asked of the Information and Screening Service (§2.7)");
            }

            if (request.DocumentType is not null)
            {
                errors.Add("documentType", "screening advice concerns the application, not a document");
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        CaseSnapshot? snapshot = await caseIndex.GetAsync(applicationId, cancellationToken);
        if (snapshot is null)
        {
            return await ledger.GetAsync(applicationId, cancellationToken) is null
                ? CommandResult.NotFound(applicationId)
                : CommandResult.Conflict("The application is not yet open for assessment.");
        }

        if ((snapshot.ThirdParties ?? []).Any(t => t.RequestId == request.RequestId))
        {
            return new CommandResult(CommandStatus.AlreadyDone, Body: new { applicationId, requestId = request.RequestId });
        }

        if (request.Kind == ThirdPartyKind.ScreeningAdvice && snapshot.Category != PermitCategory.MinisterOfReligion)
        {
            return new CommandResult(CommandStatus.Unprocessable, "Screening advice (§2.7) is asked for ministers of religion only.");
        }

        if (snapshot.Stage != Stage.AwaitingDecision)
        {
            return CommandResult.Conflict($"Third parties are asked while the caseworker's decision is open; the application is at stage {Codes.Of(snapshot.Stage)}.");
        }

        DateTimeOffset now = time.GetUtcNow();
        int deadlineDays = request.DeadlineDays ?? DefaultDeadlineDays;
        await dossiers.SaveRecordAsync(
            applicationId,
            $"third-parties/{request.RequestId}.json",
            new ThirdPartyRecord(request.RequestId!, request.Kind!.Value, request.Authority!.Value, request.DocumentType, deadlineDays, request.Question, now),
            cancellationToken);
        await client.RaiseEventAsync(
            applicationId,
            PermitEvents.ThirdPartyRequested,
            new ThirdPartyRequested($"third-party:{request.RequestId}", applicationId, now, request.RequestId!, request.Kind.Value, request.Authority.Value, request.DocumentType, deadlineDays),
            cancellationToken);
        return CommandResult.Accepted(new { applicationId, requestId = request.RequestId, deadlineDays });
    }

    public async Task<CommandResult> AnswerAsync(string applicationId, string requestId, ThirdPartyAnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.Id(errors, "answerId", request.AnswerId);
        errors.Require("answer", request.Answer);
        TextRules.FreeText(errors, "note", request.Note, 4000, required: false);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        CaseSnapshot? snapshot = await caseIndex.GetAsync(applicationId, cancellationToken);
        ThirdPartySnapshot? asked = snapshot?.ThirdParties?.FirstOrDefault(t => t.RequestId == requestId);
        if (asked is null)
        {
            return new CommandResult(CommandStatus.NotFound, $"Application {applicationId} has no third-party request {requestId}.");
        }

        ThirdPartyAnswer[] fitting = asked.Kind == ThirdPartyKind.DocumentAuthentication ? AuthenticationAnswers : ScreeningAnswers;
        if (!fitting.Contains(request.Answer!.Value))
        {
            errors.Add("answer", $"a {Codes.Of(asked.Kind)} is answered with one of {string.Join(", ", fitting.Select(a => Codes.Of(a)))}");
            return CommandResult.Invalid(errors);
        }

        if (asked.Answer is not null)
        {
            return CommandResult.Conflict($"Request {requestId} was answered already ({Codes.Of(asked.Answer.Value)}).");
        }

        DateTimeOffset now = time.GetUtcNow();
        await dossiers.SaveRecordAsync(
            applicationId,
            $"third-parties/{requestId}.answer.json",
            new ThirdPartyAnswerRecord(requestId, request.AnswerId!, request.Answer.Value, request.Note, now),
            cancellationToken);
        await client.RaiseEventAsync(
            applicationId,
            PermitEvents.ThirdPartyAnswered,
            new ThirdPartyAnswered($"third-party-answer:{request.AnswerId}", applicationId, now, requestId, request.Answer.Value),
            cancellationToken);
        return CommandResult.Accepted(new { applicationId, requestId, answer = request.Answer });
    }
}
