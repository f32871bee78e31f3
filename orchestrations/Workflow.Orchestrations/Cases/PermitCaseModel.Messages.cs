using System.Globalization;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Cases;

/// <summary>Messages: whether the case admits them (the same rules for the API and the workflow), and what they change.</summary>
public static partial class PermitCaseModel
{
    /// <summary>
    /// Whether the case, as it stands, admits <paramref name="message"/>; null when it does, else why not in words for the
    /// sender. The API asks this on the case index before it records a command (409 when refused); the workflow asks it
    /// again on its own, newer state and records a refusal as the command's fate.
    /// </summary>
    public static Refusal? Admits(PermitCase state, PermitMessage message)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(message);
        if (IsFederal(message))
        {
            return FederalRefusal(state, message);
        }

        if (state.IsDecided)
        {
            return new Refusal("decided", message is FeePaid
                ? "The application is decided; it takes no more payments: this payment will be refunded."
                : "The application is decided; it takes no more input.");
        }

        Policy.CaseLimits limits = state.Terms.EffectiveLimits;
        return message switch
        {
            ApplicationWithdrawn or FeeReversed or ApplicationCorrected when IsVersion1(state) =>
                new Refusal("version", "This application was submitted before withdrawals, corrections and payment reversals existed; contact the department."),
            DocumentsSupplied documents => DocumentsRefusal(state, documents, limits),
            FeePaid payment => PaymentRefusal(state, payment),
            FeeReversed reversal when state.FeePaymentId != reversal.PaymentId || state.Fee != FeeStatus.Paid =>
                new Refusal("not-the-fee-payment", "This payment is not the one that paid the fee; nothing changes."),
            InformationRequested => InformationRequestRefusal(state, limits),
            CaseworkerDecided decision => DecisionRefusal(state, decision),
            ThirdPartyRequested request => ThirdPartyRequestRefusal(state, request, limits),
            ThirdPartyAnswered answer => ThirdPartyAnswerRefusal(state, answer),
            ApplicationCorrected when state.Corrections >= limits.Corrections =>
                new Refusal("limit", $"An application takes at most {limits.Corrections} corrections; contact the department."),
            _ => null,
        };
    }

    /// <summary>The command kind a message comes from (the prefix of its message id for commands of the API).</summary>
    public static string KindOf(PermitMessage message) => message switch
    {
        DocumentsSupplied => CommandKinds.Documents,
        FeePaid or FeeReversed => CommandKinds.PaymentEvent,
        InformationRequested => CommandKinds.InformationRequest,
        CaseworkerDecided => CommandKinds.Decision,
        ThirdPartyRequested => CommandKinds.ThirdPartyRequest,
        ThirdPartyAnswered => CommandKinds.ThirdPartyAnswer,
        ApplicationWithdrawn => CommandKinds.Withdrawal,
        ApplicationCorrected => CommandKinds.Correction,
        _ => CommandKinds.Federal,
    };

    /// <summary>Who sent a message, for the audit log.</summary>
    public static string SenderOf(PermitMessage message) => message switch
    {
        FederalAcknowledged or FederalInformationRequested or FederalDecided => Actors.FederalOffice,
        InformationRequested or CaseworkerDecided or ThirdPartyRequested => Actors.Caseworker,
        ThirdPartyAnswered => Actors.Caseworker, // the caseworker records what the third party answered
        FeePaid or FeeReversed => Actors.PaymentProvider,
        _ => Actors.Employer,
    };

    static bool IsVersion1(PermitCase state) => state.WorkflowVersion.StartsWith("1.", StringComparison.Ordinal);

    static bool IsFederal(PermitMessage message) => message is FederalAcknowledged or FederalInformationRequested or FederalDecided;

    static Refusal? DocumentsRefusal(PermitCase state, DocumentsSupplied documents, Policy.CaseLimits limits)
    {
        if (state.DocumentBatches >= limits.DocumentBatches)
        {
            return new Refusal("limit", $"An application takes at most {limits.DocumentBatches} batches of documents; contact the department.");
        }

        return documents.AnswersRequestId is string requestId && state.InformationRequest?.RequestId != requestId
            ? new Refusal("not-open", $"Information request {requestId} is not open.")
            : null;
    }

    static Refusal? PaymentRefusal(PermitCase state, FeePaid payment)
    {
        Policy.FeeTerms? fee = state.Terms.Admissibility.Fee;
        if (state.Fee == FeeStatus.NotDue || fee is null)
        {
            return new Refusal("not-due", $"{NoFeeExplanation(state)} This payment will be refunded.");
        }

        if (state.Fee == FeeStatus.Paid)
        {
            return new Refusal("paid", $"The fee was paid already (payment {state.FeePaymentId}); this payment will be refunded.");
        }

        return payment.AmountCents != fee.AmountCents || payment.Currency != fee.Currency
            ? new Refusal("amount", string.Create(CultureInfo.InvariantCulture, $"The fee due is {fee.AmountCents / 100m:0.00} {fee.Currency}; this payment will be refunded."))
            : null;
    }

    /// <summary>Why no fee is due, in words for the applicant: the actual reason, never a guess from the category.</summary>
    public static string NoFeeExplanation(PermitCase state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Policy.NoFeeReason? reason = state.Terms.Admissibility.NoFee
            ?? (state.Category == PermitCategory.WorkCard ? Policy.NoFeeReason.ExemptCategory : Policy.NoFeeReason.NoneInForce);
        return reason switch
        {
            Policy.NoFeeReason.FunctionExcluded =>
                "No fee is due for this application: its function is excluded from the category 'other' (§2.3), so the application is inadmissible.",
            Policy.NoFeeReason.ExemptCategory when state.Category == PermitCategory.WorkCard =>
                "No fee is due for this application: a work card up to 90 days is exempt (§2.5).",
            Policy.NoFeeReason.ExemptCategory =>
                $"No fee is due for this application: its category ({Codes.Of(state.Category)}) is exempt (§2.5).",
            _ => string.Create(
                CultureInfo.InvariantCulture,
                $"No fee is due for this application: no fee was in force on its submission date ({Policy.PolicyCatalog.BelgianDate(state.SubmittedAt):yyyy-MM-dd})."),
        };
    }

    static Refusal? InformationRequestRefusal(PermitCase state, Policy.CaseLimits limits)
    {
        if (!state.AwaitsCaseworker)
        {
            return new Refusal("not-open", $"Information can be requested while the caseworker's decision is open; the application is at stage {Codes.Of(state.Stage)}.");
        }

        if (state.InformationRequest is { } open)
        {
            return new Refusal("open", $"Information request {open.RequestId} is still open.");
        }

        return state.InformationRequests >= limits.InformationRequests
            ? new Refusal("limit", $"An application takes at most {limits.InformationRequests} information requests.")
            : null;
    }

    static Refusal? DecisionRefusal(PermitCase state, CaseworkerDecided decision)
    {
        if (state.CaseworkerDecision is { } taken)
        {
            return new Refusal("decided", $"Decision {taken.DecisionId} was taken already; an application has one caseworker decision.");
        }

        if (state.Stage != Stage.AwaitingDecision)
        {
            return new Refusal("not-open", $"No caseworker decision is open; the application is at stage {Codes.Of(state.Stage)}.");
        }

        if (state.OpenThirdParties.FirstOrDefault() is { } waiting)
        {
            return new Refusal(
                "third-party-open",
                string.Create(CultureInfo.InvariantCulture, $"Third-party request {waiting.RequestId} ({Codes.Of(waiting.Kind)}) is open until {waiting.Deadline:yyyy-MM-dd}: decide on its answer, or after its deadline."));
        }

        if (decision.Verdict == CaseworkerVerdict.Approve && !decision.OverrideRecorded && NegativeAnswer(state) is { } negative)
        {
            return new Refusal(
                "override-needed",
                $"Third-party request {negative.RequestId} ({Codes.Of(negative.Kind)}) was answered '{Codes.Of(negative.Answer!.Value)}': an approval against it needs an override reason (overrideReason), kept in the dossier.",
                Unfit: true);
        }

        return decision.Verdict == CaseworkerVerdict.Approve && state.FeeOutstanding
            ? new Refusal("fee-due", "The fee is due (its payment was reversed): approve once it is paid again, or refuse.")
            : null;
    }

    /// <summary>The first third-party answer against the application: a document found false, or unfavourable screening advice.</summary>
    static ThirdPartySnapshot? NegativeAnswer(PermitCase state) =>
        state.ThirdParties.FirstOrDefault(t => t.Answer is ThirdPartyAnswer.False or ThirdPartyAnswer.Unfavourable);

    static Refusal? ThirdPartyRequestRefusal(PermitCase state, ThirdPartyRequested request, Policy.CaseLimits limits)
    {
        if (state.ThirdParties.Any(t => t.RequestId == request.RequestId))
        {
            return new Refusal("exists", $"Third-party request {request.RequestId} exists already.");
        }

        if (request.Kind == ThirdPartyKind.ScreeningAdvice && state.Category != PermitCategory.MinisterOfReligion)
        {
            return new Refusal("category", "Screening advice (§2.7) is asked for ministers of religion only.", Unfit: true);
        }

        if (!state.AwaitsCaseworker)
        {
            return new Refusal("not-open", $"Third parties are asked while the caseworker's decision is open; the application is at stage {Codes.Of(state.Stage)}.");
        }

        return state.ThirdParties.Count >= limits.ThirdPartyRequests
            ? new Refusal("limit", $"An application takes at most {limits.ThirdPartyRequests} third-party requests.")
            : null;
    }

    static Refusal? ThirdPartyAnswerRefusal(PermitCase state, ThirdPartyAnswered answer) =>
        state.ThirdParties.FirstOrDefault(t => t.RequestId == answer.RequestId) switch
        {
            null => new Refusal("unknown", $"There is no third-party request {answer.RequestId}."),
            { Answer: ThirdPartyAnswer given } => new Refusal("answered", $"Request {answer.RequestId} was answered already ({Codes.Of(given)})."),
            _ => null, // an answer after the deadline still counts: the caseworker wants it, late or not
        };

    /// <summary>
    /// A federal message for a leg that was cancelled or decided is late; for another handoff, stale. One answering this
    /// case's own handoff before the case recorded sending it is admitted and held (see <see cref="PermitCase.HeldFederalMessages"/>).
    /// </summary>
    static Refusal? FederalRefusal(PermitCase state, PermitMessage message)
    {
        string handoffId = HandoffOf(message);
        if (state.Federal.Status == FederalLegStatus.NotStarted && handoffId == FirstHandoffId(state.ApplicationId))
        {
            return state.IsDecided ? new Refusal("late", "the application was decided before its federal leg started")
                : state.HeldFederalMessages.Count >= MaxHeldFederalMessages ? new Refusal("stale", "too many federal messages came before the handoff")
                : null;
        }

        bool awaited = FederalAwaited(state) && handoffId == state.Federal.HandoffId && !state.IsDecided;
        if (awaited && (message is not FederalAcknowledged || state.Federal.Status == FederalLegStatus.HandedOff))
        {
            return null;
        }

        if (state.Federal.HandoffId is null || handoffId != state.Federal.HandoffId)
        {
            return new Refusal("stale", state.Federal.Status == FederalLegStatus.NotApplicable ? "this application has no federal leg" : "the message answers another handoff");
        }

        return new Refusal("late", state.IsDecided ? "the application is decided" : state.Federal.Status switch
        {
            FederalLegStatus.Cancelled => "the federal leg was cancelled after a Flemish refusal",
            FederalLegStatus.Approved or FederalLegStatus.Refused => "the federal decision was already received",
            _ => "the handoff was acknowledged already",
        });
    }

    static string HandoffOf(PermitMessage message) => message switch
    {
        FederalAcknowledged a => a.HandoffId,
        FederalInformationRequested r => r.HandoffId,
        FederalDecided d => d.HandoffId,
        _ => throw new ArgumentException("Not a federal message.", nameof(message)),
    };

    static string FederalKindOf(PermitMessage message) => message switch
    {
        FederalDecided => "federal-decision",
        FederalAcknowledged => "federal-acknowledgement",
        _ => "federal-information-request",
    };

    static void OnMessage(CaseChange change, PermitMessage message)
    {
        PermitCase state = change.State;
        if (state.HandledMessages.Contains(message.MessageId, StringComparer.Ordinal))
        {
            // A redelivery (the API re-raises a command whose first raise it could not confirm): acted on once.
            change.Record(CaseEvents.DuplicateIgnored, SenderOf(message), ("messageId", message.MessageId));
            return;
        }

        change.Remember(c => c with { HandledMessages = [.. c.HandledMessages.TakeLast(RememberedMessages - 1), message.MessageId] });
        if (IsFederal(message) && state.Federal.Status == FederalLegStatus.NotStarted && Admits(state, message) is null)
        {
            // Answers the handoff this case is about to record (again, after a crash): acted on once it is recorded.
            change.Remember(c => c with { HeldFederalMessages = [.. c.HeldFederalMessages, message] });
            return;
        }

        Judge(change, message);
    }

    /// <summary>The federal messages held for the handoff, judged now that it is recorded (or the case decided without it).</summary>
    static void JudgeHeldFederalMessages(CaseChange change)
    {
        IReadOnlyList<PermitMessage> held = change.State.HeldFederalMessages;
        change.Remember(c => c with { HeldFederalMessages = [] });
        foreach (PermitMessage message in held)
        {
            Judge(change, message);
        }
    }

    /// <summary>Refuses <paramref name="message"/> with its reason, or accepts it and acts on it.</summary>
    static void Judge(CaseChange change, PermitMessage message)
    {
        if (Admits(change.State, message) is Refusal refusal)
        {
            change.Settle(message, CommandFate.Rejected, refusal.Reason);
            string eventCode = IsFederal(message) ? $"{FederalKindOf(message)}-{refusal.Code}" : CaseEvents.Rejected(KindOf(message));
            change.Record(eventCode, SenderOf(message), ("messageId", message.MessageId), ("reason", refusal.Code));
            return;
        }

        change.Settle(message, CommandFate.Accepted);
        switch (message)
        {
            case DocumentsSupplied documents:
                OnDocuments(change, documents);
                break;
            case FeePaid payment:
                OnFeePaid(change, payment);
                break;
            case FeeReversed reversal:
                OnFeeReversed(change, reversal);
                break;
            case InformationRequested request:
                OnInformationRequested(change, request);
                break;
            case CaseworkerDecided decision:
                OnCaseworkerDecided(change, decision);
                break;
            case FederalAcknowledged acknowledgement:
                change.Set(c => c with { Federal = c.Federal with { Status = FederalLegStatus.Acknowledged } });
                change.Record(CaseEvents.FederalAcknowledged, Actors.FederalOffice, ("handoffId", acknowledgement.HandoffId));
                break;
            case FederalInformationRequested federalRequest:
                change.Set(c => c with { Federal = c.Federal with { Status = FederalLegStatus.InformationRequested } });
                change.Record(CaseEvents.FederalInformationRequested, Actors.FederalOffice, ("handoffId", federalRequest.HandoffId));
                break;
            case FederalDecided federalDecision:
                OnFederalDecided(change, federalDecision);
                break;
            case ThirdPartyRequested thirdPartyRequest:
                OnThirdPartyRequested(change, thirdPartyRequest);
                break;
            case ThirdPartyAnswered thirdPartyAnswer:
                OnThirdPartyAnswered(change, thirdPartyAnswer);
                break;
            case ApplicationWithdrawn withdrawal:
                change.Record(CaseEvents.Withdrawn, Actors.Employer, ("withdrawalId", withdrawal.WithdrawalId));
                Decide(change, Outcome.Withdrawn, []);
                break;
            case ApplicationCorrected correction:
                OnCorrected(change, correction);
                break;
            default:
                throw new ArgumentException($"Unknown message type {message.GetType().Name}.", nameof(message));
        }
    }

    static void OnDocuments(CaseChange change, DocumentsSupplied documents)
    {
        change.Set(c => c with { DocumentBatches = c.DocumentBatches + 1 });
        string types = CaseChange.List(documents.DocumentTypes);
        if (change.State.InAdmissibility)
        {
            change.Set(c => c with { LastApplicantInputAt = change.TimeOf(documents) });
            change.Record(CaseEvents.DocumentsSupplied, Actors.Employer, ("types", types));
            change.Ask(CaseWork.CheckAdmissibility);
            return;
        }

        if (change.State.InformationRequest is { } open)
        {
            change.Clock(clock => clock.Resume(change.TimeOf(documents)));
            change.Set(c => c with { InformationRequest = null });
            change.Record(CaseEvents.InformationSupplied, Actors.Employer, ("requestId", open.RequestId), ("types", types));
        }
        else
        {
            change.Record(CaseEvents.DocumentsSupplied, Actors.Employer, ("types", types));
        }

        if (change.State.AwaitsCaseworker)
        {
            change.Ask(CaseWork.Assess); // new documents can change what the rules find (a search dossier, a diploma)
        }
    }

    static void OnFeePaid(CaseChange change, FeePaid payment)
    {
        bool wasReversed = change.State.Fee == FeeStatus.Reversed;
        change.Set(c => c with { Fee = FeeStatus.Paid, FeePaymentId = payment.PaymentId, LastApplicantInputAt = c.InAdmissibility ? change.TimeOf(payment) : c.LastApplicantInputAt });
        change.Record(CaseEvents.FeePaid, Actors.PaymentProvider, ("paymentId", payment.PaymentId), ("amountCents", payment.AmountCents.ToString(CultureInfo.InvariantCulture)));
        if (change.State.InAdmissibility)
        {
            // A check still to run (documents just came in) decides instead.
            if (change.State.Stage == Stage.AwaitingApplicant && IsComplete(change.State) && !change.State.PendingWork.Contains(CaseWork.CheckAdmissibility))
            {
                BecomeAdmissible(change);
            }

            return; // in the first check (stage admissibility), the check's result sees the fee paid
        }

        if (wasReversed)
        {
            change.Clock(clock => clock.Resume(change.TimeOf(payment)));
            change.Set(c => c with { ApplicantDeadline = null });
            EvaluateVerdicts(change);
        }
    }

    /// <summary>A reversed payment reopens the fee: before admissibility it is simply missing again; after it, the applicant gets a deadline to pay again.</summary>
    static void OnFeeReversed(CaseChange change, FeeReversed reversal)
    {
        change.Set(c => c with { Fee = FeeStatus.Reversed, FeePaymentId = null });
        change.Record(CaseEvents.FeeReversed, Actors.PaymentProvider, ("paymentId", reversal.PaymentId));
        if (!change.State.InAdmissibility)
        {
            AwaitApplicant(change, PauseReason.FeeReversed);
        }
    }

    static void OnInformationRequested(CaseChange change, InformationRequested request)
    {
        DateTimeOffset at = change.TimeOf(request);
        DateTimeOffset deadline = at.AddDays(request.DeadlineDays);
        change.Set(c => c with { InformationRequest = new OpenInformationRequest(request.RequestId, at, deadline), InformationRequests = c.InformationRequests + 1 });
        change.Clock(clock => clock.Pause(at, PauseReason.InformationRequested));
        change.Notify(change.State.Applicant, NotificationKind.InformationRequested, $"information-requested:{request.RequestId}", [request.RequestId], deadline);
        change.Record(
            CaseEvents.InformationRequested,
            Actors.Caseworker,
            ("requestId", request.RequestId),
            ("deadlineDays", request.DeadlineDays.ToString(CultureInfo.InvariantCulture)));
    }

    static void OnCaseworkerDecided(CaseChange change, CaseworkerDecided decision)
    {
        DateTimeOffset at = change.TimeOf(decision);
        change.Set(c => c with
        {
            CaseworkerDecision = new CaseworkerDecision(decision.DecisionId, decision.Verdict, decision.Grounds, at),
            InformationRequest = null,
            PendingWork = [.. c.PendingWork.Where(w => w != CaseWork.Assess)],
        });
        change.Clock(clock => clock.Stop(at)); // what the SLA measures: submission to the caseworker's decision
        change.Record(
            CaseEvents.CaseworkerDecided,
            Actors.Caseworker,
            [
                ("decisionId", decision.DecisionId),
                ("verdict", Codes.Of(decision.Verdict)),
                ("grounds", CaseChange.List(decision.Grounds)),
                .. decision.OverrideRecorded ? [("override", "true")] : Array.Empty<(string, string)>(),
            ]);
        EvaluateVerdicts(change);
    }

    static void OnFederalDecided(CaseChange change, FederalDecided decision)
    {
        FederalLegStatus status = decision.Verdict == FederalVerdict.Approved ? FederalLegStatus.Approved : FederalLegStatus.Refused;
        change.Set(c => c with { Federal = c.Federal with { Status = status, ReasonCodes = decision.ReasonCodes, AnsweredAt = change.TimeOf(decision) } });
        change.Record(
            CaseEvents.FederalDecided,
            Actors.FederalOffice,
            ("handoffId", decision.HandoffId),
            ("verdict", Codes.Of(decision.Verdict)),
            ("reasons", CaseChange.List(decision.ReasonCodes)));
        EvaluateVerdicts(change);
    }

    static void OnThirdPartyRequested(CaseChange change, ThirdPartyRequested request)
    {
        DateTimeOffset at = change.TimeOf(request);
        DateTimeOffset deadline = at.AddDays(request.DeadlineDays);
        change.AskThirdParty(new ThirdPartyRequest(
            $"{change.ApplicationId}:third-party:{request.RequestId}", change.ApplicationId, request.RequestId, request.Kind, request.Authority, request.DocumentType, deadline));
        change.Set(c => c with
        {
            ThirdParties = [.. c.ThirdParties, new ThirdPartySnapshot(request.RequestId, request.Kind, request.Authority, request.DocumentType, at, deadline, null, null, false)],
        });
        change.Record(
            CaseEvents.ThirdPartyRequested,
            Actors.Caseworker,
            ("requestId", request.RequestId),
            ("kind", Codes.Of(request.Kind)),
            ("authority", Codes.Of(request.Authority)),
            ("deadlineDays", request.DeadlineDays.ToString(CultureInfo.InvariantCulture)));
    }

    static void OnThirdPartyAnswered(CaseChange change, ThirdPartyAnswered answer)
    {
        DateTimeOffset at = change.TimeOf(answer);
        change.Set(c => c with
        {
            ThirdParties = [.. c.ThirdParties.Select(t => t.RequestId == answer.RequestId ? t with { Answer = answer.Answer, AnsweredAt = at, AnswerId = answer.AnswerId } : t)],
        });
        change.Record(CaseEvents.ThirdPartyAnswered, Actors.Caseworker, ("requestId", answer.RequestId), ("answer", Codes.Of(answer.Answer)));
    }

    /// <summary>
    /// A correction of the application before the decision: admissibility is checked again on fresh sources while it
    /// runs; during the assessment the sources are read and the rules assessed again for the caseworker; after the
    /// caseworker's decision it is kept on file (the employer cannot tell, and need not know, that the decision was taken).
    /// </summary>
    static void OnCorrected(CaseChange change, ApplicationCorrected correction)
    {
        change.Set(c => c with { Corrections = c.Corrections + 1 });
        change.Record(CaseEvents.ApplicationCorrected, Actors.Employer, ("correctionId", correction.CorrectionId), ("sections", CaseChange.List(correction.Sections)));
        if (change.State.InAdmissibility)
        {
            change.Ask(CaseWork.GatherSources);
            change.Ask(CaseWork.CheckAdmissibility);
        }
        else if (change.State.Stage is Stage.Assessment || change.State.AwaitsCaseworker)
        {
            change.Ask(CaseWork.GatherSources);
            change.Ask(CaseWork.Assess);
        }
    }
}
