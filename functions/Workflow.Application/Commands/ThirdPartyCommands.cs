using System.Globalization;
using Workflow.Application.Access;
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

/// <summary>Third parties in the assessment: waits with a deadline that do not pause the SLA clock (docs/design.md#sla-semantics).</summary>
public sealed class ThirdPartyCommands(CommandGate gate, IDossierStore dossiers)
{
    public const int DefaultDeadlineDays = 30;

    static readonly ThirdPartyAuthority[] AuthenticationAuthorities =
        [ThirdPartyAuthority.PublicEmploymentService, ThirdPartyAuthority.GovernmentService, ThirdPartyAuthority.DiplomaticPost];

    static readonly ThirdPartyAnswer[] AuthenticationAnswers = [ThirdPartyAnswer.Authentic, ThirdPartyAnswer.False, ThirdPartyAnswer.Inconclusive];

    static readonly ThirdPartyAnswer[] ScreeningAnswers = [ThirdPartyAnswer.Favourable, ThirdPartyAnswer.Unfavourable];

    public async Task<CommandResult> RequestAsync(string applicationId, ThirdPartyRequestRequest request, Actor actor, CancellationToken cancellationToken)
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

        string requestId = request.RequestId!;
        ThirdPartyKind kind = request.Kind!.Value;
        ThirdPartyAuthority asked = request.Authority!.Value;
        int deadlineDays = request.DeadlineDays ?? DefaultDeadlineDays;
        return await gate.PassAsync(
            new CommandDraft(
                applicationId,
                CommandKinds.ThirdPartyRequest,
                requestId,
                new { kind, authority = asked, request.DocumentType, deadlineDays, request.Question },
                actor,
                now => (PermitEvents.ThirdPartyRequested, new ThirdPartyRequested(
                    CommandKinds.MessageId(CommandKinds.ThirdPartyRequest, requestId), applicationId, now, requestId, kind, asked, request.DocumentType, deadlineDays)),
                ApplicationCommands.Details(
                    ("requestId", requestId),
                    ("kind", Codes.Of(kind)),
                    ("authority", Codes.Of(asked)),
                    ("documentType", request.DocumentType),
                    ("deadlineDays", deadlineDays.ToString(CultureInfo.InvariantCulture))),
                Keep: (now, ct) => dossiers.SaveRecordAsync(
                    applicationId, $"third-parties/{requestId}.json", new ThirdPartyRecord(requestId, kind, asked, request.DocumentType, deadlineDays, request.Question, now), ct)),
            cancellationToken);
    }

    public async Task<CommandResult> AnswerAsync(string applicationId, string requestId, ThirdPartyAnswerRequest request, Actor actor, CancellationToken cancellationToken)
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

        (Orchestrations.Cases.PermitCase? state, CommandResult? missing) = await gate.CaseAsync(applicationId, cancellationToken);
        if (state?.ThirdParties.FirstOrDefault(t => t.RequestId == requestId) is not { } open)
        {
            return missing ?? new CommandResult(CommandStatus.NotFound, $"Application {applicationId} has no third-party request {requestId}.");
        }

        ThirdPartyAnswer[] fitting = open.Kind == ThirdPartyKind.DocumentAuthentication ? AuthenticationAnswers : ScreeningAnswers;
        if (!fitting.Contains(request.Answer!.Value))
        {
            errors.Add("answer", $"a {Codes.Of(open.Kind)} is answered with one of {string.Join(", ", fitting.Select(a => Codes.Of(a)))}");
            return CommandResult.Invalid(errors);
        }

        // The answer id is the key: used again (on this request or another) with other content, it is a conflict, never a silent drop.
        string answerId = request.AnswerId!;
        ThirdPartyAnswer answer = request.Answer.Value;
        return await gate.PassAsync(
            new CommandDraft(
                applicationId,
                CommandKinds.ThirdPartyAnswer,
                answerId,
                new { requestId, answer, request.Note },
                actor,
                now => (PermitEvents.ThirdPartyAnswered, new ThirdPartyAnswered(CommandKinds.MessageId(CommandKinds.ThirdPartyAnswer, answerId), applicationId, now, requestId, answer, answerId)),
                ApplicationCommands.Details(("requestId", requestId), ("answerId", answerId), ("answer", Codes.Of(answer))),
                Keep: (now, ct) => dossiers.SaveRecordAsync(
                    applicationId, $"third-parties/{requestId}.answers/{answerId}.json", new ThirdPartyAnswerRecord(requestId, answerId, answer, request.Note, now), ct)),
            cancellationToken);
    }
}
