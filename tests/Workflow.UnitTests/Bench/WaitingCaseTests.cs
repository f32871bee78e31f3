using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>When the waiting run counts an application as waiting on its caseworker alone.</summary>
public sealed class WaitingCaseTests
{
    [Theory]
    [InlineData("""{"Stage":"AwaitingDecision","AwaitingItems":["caseworker-decision"]}""", true)]
    [InlineData("""{"stage":"awaiting-decision","awaitingItems":["caseworker-decision"]}""", true)]
    [InlineData("""{"Stage":"AwaitingDecision","AwaitingItems":["caseworker-decision","federal-decision"]}""", false)]
    [InlineData("""{"Stage":"AwaitingFederalDecision","AwaitingItems":["federal-decision"]}""", false)]
    [InlineData("""{"Stage":"AwaitingPayment","AwaitingItems":["fee"]}""", false)]
    [InlineData("""{"Stage":"Closed","AwaitingItems":[]}""", false)]
    [InlineData("""{"Stage":"AwaitingDecision"}""", false)]
    [InlineData("""["caseworker-decision"]""", false)]
    [InlineData("not json, caseworker-decision", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_caseworker_awaited_and_not_the_federal_office_is_settled(string? customStatus, bool settled) =>
        Assert.Equal(settled, WaitingCase.Settled(customStatus));
}
