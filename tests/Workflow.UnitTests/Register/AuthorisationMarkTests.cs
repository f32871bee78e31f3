using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Register;

namespace Workflow.UnitTests.Register;

/// <summary>
/// How a withdrawal marks its authorisation in the register (§2.1): one withdrawal at a time on a granted
/// authorisation, only that one withdraws it (dated) or ends keeping it, and a withdrawn authorisation stays withdrawn.
/// </summary>
public class AuthorisationMarkTests
{
    static readonly Authorisation Granted = new("wp-1", "0200000736", null, PermitCategory.HighlySkilled, new DateOnly(2026, 1, 5), new DateOnly(2029, 1, 4), AuthorisationState.Granted, "t");

    static readonly DateOnly On = new(2026, 3, 20);

    [Fact]
    public void A_withdrawal_starts_on_a_granted_authorisation_once_and_its_repeat_changes_nothing()
    {
        Authorisation underWay = Granted.Marked(new RegisterMark("wd-a", WithdrawalMark.UnderWay))!;

        Assert.True(underWay.WithdrawalUnderWay);
        Assert.Equal(("wd-a", AuthorisationState.Granted), (underWay.WithdrawalId, underWay.State));
        Assert.Equal(underWay, underWay.Marked(new RegisterMark("wd-a", WithdrawalMark.UnderWay)));
        Assert.Null(underWay.Marked(new RegisterMark("wd-b", WithdrawalMark.UnderWay))); // one at a time
        Assert.False(Granted.WithdrawalUnderWay);
    }

    [Fact]
    public void Only_the_withdrawal_under_way_withdraws_the_authorisation_dated_and_it_stays_withdrawn()
    {
        Authorisation underWay = Granted.Marked(new RegisterMark("wd-a", WithdrawalMark.UnderWay))!;
        Assert.Null(underWay.Marked(new RegisterMark("wd-b", WithdrawalMark.Withdrawn, On)));

        Authorisation withdrawn = underWay.Marked(new RegisterMark("wd-a", WithdrawalMark.Withdrawn, On))!;
        Assert.Equal((AuthorisationState.Withdrawn, On, "wd-a"), (withdrawn.State, withdrawn.WithdrawnOn!.Value, withdrawn.WithdrawalId));
        Assert.False(withdrawn.WithdrawalUnderWay);
        Assert.Equal(withdrawn, withdrawn.Marked(new RegisterMark("wd-a", WithdrawalMark.Withdrawn, On.AddDays(3)))); // a repeat keeps the first date
        Assert.Null(withdrawn.Marked(new RegisterMark("wd-c", WithdrawalMark.UnderWay)));
        Assert.Null(withdrawn.Marked(new RegisterMark("wd-a", WithdrawalMark.Kept)));
    }

    [Fact]
    public void Keeping_the_authorisation_lifts_the_mark_so_a_later_finding_may_start_another_withdrawal()
    {
        Authorisation underWay = Granted.Marked(new RegisterMark("wd-a", WithdrawalMark.UnderWay))!;
        Assert.Null(underWay.Marked(new RegisterMark("wd-b", WithdrawalMark.Kept)));

        Authorisation kept = underWay.Marked(new RegisterMark("wd-a", WithdrawalMark.Kept))!;
        Assert.Equal(Granted, kept);
        Assert.Equal(kept, kept.Marked(new RegisterMark("wd-a", WithdrawalMark.Kept))); // a repeat
        Assert.Equal("wd-b", kept.Marked(new RegisterMark("wd-b", WithdrawalMark.UnderWay))!.WithdrawalId);
    }
}
