using Workflow.Application.Access;
using Workflow.Application.Exclusions;
using Workflow.Orchestrations.Ports;

namespace Workflow.UnitTests.Exclusions;

/// <summary>§2.1 four eyes: what the registry lets whom add to an exclusion, and what is in force when.</summary>
public class ExclusionRecordTests
{
    static readonly Actor InspectorA = new("inspector", "sub-a", "Inspector A");
    static readonly Actor ManagerB = new("manager", "sub-b", "Manager B");
    static readonly Actor InspectorC = new("inspector", "sub-c", null);

    /// <summary>Noon in Brussels on 2026-03-02, and hours after it.</summary>
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    static DateTimeOffset At(int hours) => T0.AddHours(hours);

    static readonly ExclusionTerms Terms = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "illegal-employment", "SANCTION-1");

    static ExclusionProposed Proposal(Actor? by = null, ExclusionTerms? terms = null) =>
        new("EXC-1", ExcludedParty.Employer, PartyKeys.Employer("0200000637"), terms ?? Terms, by ?? InspectorA, At(0));

    static ExclusionRecord Record(params ExclusionEntry[] entries) => ExclusionRecord.Of(entries)!;

    /// <summary>The entries of the record plus the one the decision says to record.</summary>
    static ExclusionRecord With(ExclusionRecord record, RegistryDecision decision)
    {
        Assert.Equal(RegistryVerdict.Record, decision.Verdict);
        return Record([.. record.History, decision.Entry!]);
    }

    static ExclusionRecord Confirmed() => With(Record(Proposal()), Record(Proposal()).Confirm(ManagerB, At(1)));

    [Fact]
    public void A_proposal_is_not_in_force_until_a_second_person_confirms_it()
    {
        ExclusionRecord proposed = Record(Proposal());
        Assert.Equal(ExclusionStatus.Proposed, proposed.Status);
        Assert.False(proposed.InForceAt(At(5)));
        Assert.Null(proposed.TermsAt(At(5)));

        ExclusionRecord confirmed = With(proposed, proposed.Confirm(ManagerB, At(1)));
        Assert.Equal(ExclusionStatus.Confirmed, confirmed.Status);
        Assert.False(confirmed.InForceAt(At(0).AddMinutes(30)), "not before the confirmation");
        Assert.True(confirmed.InForceAt(At(1)));
        Assert.True(confirmed.InForceAt(At(5)));
    }

    [Fact]
    public void The_author_cannot_confirm_their_own_proposal_whatever_role_they_act_in()
    {
        ExclusionRecord proposed = Record(Proposal());
        RegistryDecision own = proposed.Confirm(InspectorA, At(1));
        Assert.Equal(RegistryVerdict.Refused, own.Verdict);
        Assert.Contains("Four eyes", own.Reason, StringComparison.Ordinal);

        RegistryDecision sameSubjectAsManager = proposed.Confirm(InspectorA with { Role = "manager", Name = "Someone Else" }, At(1));
        Assert.Equal(RegistryVerdict.Refused, sameSubjectAsManager.Verdict);
    }

    [Fact]
    public void A_confirmation_repeated_by_its_confirmer_is_the_first_one_and_a_third_person_is_refused()
    {
        ExclusionRecord confirmed = Confirmed();
        RegistryDecision repeat = confirmed.Confirm(ManagerB with { Name = "B. Renamed" }, At(3));
        Assert.Equal(RegistryVerdict.Repeat, repeat.Verdict);
        Assert.Equal(confirmed.Confirmation, repeat.Entry);
        Assert.Equal(At(1), repeat.Entry!.At);

        RegistryDecision third = confirmed.Confirm(InspectorC, At(3));
        Assert.Equal(RegistryVerdict.Refused, third.Verdict);
        Assert.Contains("already confirmed", third.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_proposal_again_is_a_repeat_and_other_content_under_the_id_is_refused()
    {
        ExclusionRecord existing = Record(Proposal());
        Assert.Equal(RegistryVerdict.Record, ExclusionRecord.Propose(null, Proposal()).Verdict);

        RegistryDecision again = ExclusionRecord.Propose(existing, Proposal() with { At = At(4), By = InspectorA with { Name = "Renamed" } });
        Assert.Equal(RegistryVerdict.Repeat, again.Verdict);
        Assert.Equal(At(0), again.Entry!.At);

        Assert.Equal(RegistryVerdict.Refused, ExclusionRecord.Propose(existing, Proposal(terms: Terms with { Until = null })).Verdict);
        Assert.Equal(RegistryVerdict.Refused, ExclusionRecord.Propose(existing, Proposal(by: ManagerB)).Verdict);
        Assert.Equal(RegistryVerdict.Refused, ExclusionRecord.Propose(existing, Proposal() with { PartyKey = PartyKeys.Employer("0200000736") }).Verdict);
    }

    [Fact]
    public void Lifts_and_corrections_apply_to_confirmed_exclusions_only()
    {
        ExclusionRecord proposed = Record(Proposal());
        RegistryDecision lift = proposed.ProposeChange(new LiftProposed("EXC-1", "LIFT-1", "annulled-on-appeal", "APPEAL-1", ManagerB, At(1)));
        Assert.Equal(RegistryVerdict.Refused, lift.Verdict);
        Assert.Contains("still a proposal", lift.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lift_applies_once_a_person_other_than_its_author_confirms_it_and_from_that_instant_on()
    {
        ExclusionRecord confirmed = Confirmed();
        ExclusionRecord liftProposed = With(confirmed, confirmed.ProposeChange(new LiftProposed("EXC-1", "LIFT-1", "annulled-on-appeal", "APPEAL-1", ManagerB, At(2))));
        Assert.Equal(["LIFT-1"], liftProposed.Changes.Where(c => c.Confirmation is null).Select(c => c.ChangeId));
        Assert.True(liftProposed.InForceAt(At(3)), "a proposed lift changes nothing");

        RegistryDecision byAuthor = liftProposed.ConfirmChange("LIFT-1", ManagerB, At(3));
        Assert.Equal(RegistryVerdict.Refused, byAuthor.Verdict);
        Assert.Contains("Four eyes", byAuthor.Reason, StringComparison.Ordinal);

        // The exclusion's author may confirm a lift someone else proposed.
        ExclusionRecord lifted = With(liftProposed, liftProposed.ConfirmChange("LIFT-1", InspectorA, At(4)));
        Assert.Equal(ExclusionStatus.Lifted, lifted.Status);
        Assert.Equal(At(4), lifted.LiftedAt);
        Assert.True(lifted.InForceAt(At(3)), "an application submitted before the lift was barred");
        Assert.False(lifted.InForceAt(At(4)));
        Assert.False(lifted.InForceAt(At(30)));

        Assert.Equal(RegistryVerdict.Repeat, lifted.ConfirmChange("LIFT-1", InspectorA, At(9)).Verdict);
        Assert.Equal(RegistryVerdict.Refused, lifted.ProposeChange(new LiftProposed("EXC-1", "LIFT-2", "annulled-on-appeal", "APPEAL-2", ManagerB, At(5))).Verdict);
        Assert.Equal(
            RegistryVerdict.Refused,
            lifted.ProposeChange(new CorrectionProposed("EXC-1", "CORR-1", Terms with { Until = new DateOnly(2027, 6, 30) }, ManagerB, At(5))).Verdict);
        Assert.Equal(RegistryVerdict.Unknown, lifted.ConfirmChange("NO-SUCH-CHANGE", InspectorC, At(5)).Verdict);
    }

    [Fact]
    public void A_correction_of_the_until_date_applies_from_its_confirmation_and_earlier_instants_keep_the_old_terms()
    {
        ExclusionRecord confirmed = Confirmed();
        ExclusionTerms ended = Terms with { Until = new DateOnly(2026, 2, 28) }; // before T0's date: no longer covers it
        ExclusionRecord correctionProposed = With(confirmed, confirmed.ProposeChange(new CorrectionProposed("EXC-1", "CORR-1", ended, InspectorA, At(2))));
        Assert.Equal(Terms, correctionProposed.Terms);
        Assert.True(correctionProposed.InForceAt(At(3)));

        Assert.Equal(RegistryVerdict.Refused, correctionProposed.ConfirmChange("CORR-1", InspectorA, At(3)).Verdict);
        ExclusionRecord corrected = With(correctionProposed, correctionProposed.ConfirmChange("CORR-1", InspectorC, At(4)));
        Assert.Equal(ended, corrected.Terms);
        Assert.Equal(Terms, corrected.TermsAt(At(3)));
        Assert.True(corrected.InForceAt(At(3)));
        Assert.False(corrected.InForceAt(At(4)));
        Assert.Equal(ExclusionStatus.Confirmed, corrected.Status);

        // Restating the terms it has is not a correction; another change under a taken id is refused, the same one repeats.
        Assert.Equal(RegistryVerdict.Refused, corrected.ProposeChange(new CorrectionProposed("EXC-1", "CORR-2", ended, InspectorA, At(5))).Verdict);
        Assert.Equal(RegistryVerdict.Refused, corrected.ProposeChange(new LiftProposed("EXC-1", "CORR-1", "annulled-on-appeal", "APPEAL-1", InspectorA, At(5))).Verdict);
        Assert.Equal(RegistryVerdict.Repeat, corrected.ProposeChange(new CorrectionProposed("EXC-1", "CORR-1", ended, InspectorA, At(6))).Verdict);
    }

    [Fact]
    public void An_exclusion_bars_only_on_the_dates_its_terms_cover()
    {
        ExclusionTerms later = Terms with { From = new DateOnly(2026, 3, 3), Until = null };
        ExclusionRecord proposed = Record(Proposal(terms: later));
        ExclusionRecord confirmed = With(proposed, proposed.Confirm(ManagerB, At(1)));
        Assert.False(confirmed.InForceAt(At(2)), "2026-03-02 is before its from-date");
        Assert.True(confirmed.InForceAt(At(14)), "2026-03-03 in Brussels");
    }

    [Fact]
    public void The_history_lists_every_entry_with_who_and_when_oldest_first()
    {
        ExclusionRecord confirmed = Confirmed();
        ExclusionRecord liftProposed = With(confirmed, confirmed.ProposeChange(new LiftProposed("EXC-1", "LIFT-1", "annulled-on-appeal", "APPEAL-1", ManagerB, At(2))));
        ExclusionRecord lifted = With(liftProposed, liftProposed.ConfirmChange("LIFT-1", InspectorC, At(3)));

        Assert.Equal(
            ["exclusion-proposed sub-a", "exclusion-confirmed sub-b", "lift-proposed sub-b", "lift-confirmed sub-c"],
            lifted.History.Select(e => $"{e.EventName} {e.By.Subject}"));
        Assert.Equal([At(0), At(1), At(2), At(3)], lifted.History.Select(e => e.At));
    }

    [Fact]
    public void A_lost_race_for_a_slot_is_a_repeat_for_the_same_request_and_refused_otherwise()
    {
        var mine = new ExclusionConfirmed("EXC-1", ManagerB, At(2));
        Assert.Equal(RegistryVerdict.Repeat, ExclusionRecord.Raced(mine, new ExclusionConfirmed("EXC-1", ManagerB, At(1))).Verdict);
        Assert.Equal(RegistryVerdict.Refused, ExclusionRecord.Raced(mine, new ExclusionConfirmed("EXC-1", InspectorC, At(1))).Verdict);
    }
}
