using System.Text.Json.Nodes;

namespace Workflow.LocalHost.Bench;

/// <summary>Nothing lost, nothing twice: what an application's status (as a caseworker reads it) says about its decision.</summary>
public static class DecisionBooks
{
    /// <summary>The timeline's "decided" records (one per application that reached its decision, exactly).</summary>
    public static int Decisions(JsonNode? status) =>
        status?["timeline"] is JsonArray timeline
            ? timeline.Count(entry => entry?["event"] is JsonValue value && value.TryGetValue(out string? name) && name == "decided")
            : 0;
}
