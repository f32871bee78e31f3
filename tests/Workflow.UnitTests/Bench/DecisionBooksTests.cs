using System.Text.Json.Nodes;
using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>The books of the run on several processes: decided records in a status's timeline.</summary>
public sealed class DecisionBooksTests
{
    [Theory]
    [InlineData("""{"timeline":[{"event":"submitted"},{"event":"decided"},{"event":"closed"}]}""", 1)]
    [InlineData("""{"timeline":[{"event":"decided"},{"event":"caseworker-decided"},{"event":"decided"}]}""", 2)]
    [InlineData("""{"timeline":[{"event":"submitted"},{"event":"federal-decided"}]}""", 0)]
    [InlineData("""{"timeline":[{"event":1},{"other":"decided"},null]}""", 0)]
    [InlineData("""{"stage":"closed"}""", 0)]
    public void Counts_the_decided_records_only(string status, int decisions) =>
        Assert.Equal(decisions, DecisionBooks.Decisions(JsonNode.Parse(status)));

    [Fact]
    public void No_status_is_no_decision() => Assert.Equal(0, DecisionBooks.Decisions(null));
}
