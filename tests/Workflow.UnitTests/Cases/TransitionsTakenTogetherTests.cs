using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.UnitTests.Cases;

/// <summary>
/// Workflow 2.2 carries out the transitions of messages that arrived together as one (<see cref="Transition.Then"/>): the
/// outside world must end up as it would after carrying them out one after the other.
/// </summary>
public sealed class TransitionsTakenTogetherTests
{
    [Fact]
    public void Decision_and_federal_answer_taken_together_carry_every_effect_in_order_and_end_in_the_last_state()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        Transition decided = harness.Decide(CaseworkerVerdict.Approve);
        Transition answered = harness.Federal(FederalVerdict.Approved);

        Transition together = decided.Then(answered);

        Assert.Same(answered.State, together.State);
        Assert.True(together.StateChanged);
        Assert.Equal([.. decided.Effects.Steps, .. answered.Effects.Steps], together.Effects.Steps);
        Assert.Equal([.. decided.Effects.Settlements, .. answered.Effects.Settlements], together.Effects.Settlements);
        Assert.Equal([.. decided.Effects.Notifications, .. answered.Effects.Notifications], together.Effects.Notifications);
        Assert.Equal([.. decided.Effects.FederalMessages, .. answered.Effects.FederalMessages], together.Effects.FederalMessages);
        Assert.Equal(2, together.Effects.Settlements.Count); // both commands settled: neither sender left waiting

        // Each audit row keeps its own key, so the record stays idempotent on them.
        Assert.Equal(together.Effects.Steps.Count, together.Effects.Steps.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void A_quiet_transition_adds_nothing_and_a_changed_state_is_never_lost()
    {
        var harness = CaseHarness.Start(PermitCategory.HighlySkilled).Complete();
        Transition decided = harness.Decide(CaseworkerVerdict.Approve);
        var quiet = new Transition(decided.State, CaseEffects.None, StateChanged: false);

        Transition changedThenQuiet = decided.Then(quiet);
        Assert.Same(decided.Effects, changedThenQuiet.Effects);
        Assert.True(changedThenQuiet.StateChanged);

        Transition quietThenChanged = quiet.Then(decided);
        Assert.Same(decided.Effects, quietThenChanged.Effects);
        Assert.True(quietThenChanged.StateChanged);
        Assert.True(quiet.Then(quiet).IsQuiet);
    }

    [Fact]
    public void Every_kind_of_effect_is_kept_in_order()
    {
        static CaseStep Step(string key) => new(key, "event", "actor", new Dictionary<string, string>());
        var first = new CaseEffects([Step("a")], [], [], [], [], []);
        var second = new CaseEffects([Step("b")], [], [], [], [], []);
        Assert.Equal(["a", "b"], first.Then(second).Steps.Select(s => s.Key));
        Assert.Equal(["b", "a"], second.Then(first).Steps.Select(s => s.Key));
        Assert.Same(first, first.Then(CaseEffects.None));
        Assert.Same(second, CaseEffects.None.Then(second));
    }

    [Fact]
    public void A_record_written_before_passed_stages_existed_reads_as_passing_none_and_a_new_one_keeps_them()
    {
        System.Text.Json.JsonSerializerOptions options = Orchestrations.Serialization.WorkflowJson.Options;
        var record = new TransitionRecord("wp-x", DateTimeOffset.UnixEpoch, CaseEffects.None, State: null, EntersStage: true, PassedStages: [Stage.AwaitingFederalDecision]);
        var written = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(record, options))!.AsObject();
        Assert.True(written.Remove("passedStages"), written.ToJsonString()); // as a 2.1 workflow wrote it

        TransitionRecord older = System.Text.Json.JsonSerializer.Deserialize<TransitionRecord>(written, options)!;
        Assert.Null(older.PassedStages);
        Assert.True(older.EntersStage);
        Assert.Equal([Stage.AwaitingFederalDecision], System.Text.Json.JsonSerializer.Deserialize<TransitionRecord>(System.Text.Json.JsonSerializer.Serialize(record, options), options)!.PassedStages);
    }
}
