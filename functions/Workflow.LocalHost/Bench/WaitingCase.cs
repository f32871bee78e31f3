using System.Text.Json;

namespace Workflow.LocalHost.Bench;

/// <summary>What the workflow's custom status (<c>PermitStatus</c>, codes only) says about an application of the waiting run.</summary>
public static class WaitingCase
{
    /// <summary>
    /// Waiting on its caseworker alone: the caseworker's decision is awaited and the federal office's is not (it
    /// answered). An unreadable status is not settled.
    /// </summary>
    public static bool Settled(string? customStatus)
    {
        if (customStatus is not { Length: > 0 })
        {
            return false;
        }

        try
        {
            using JsonDocument status = JsonDocument.Parse(customStatus);
            if (status.RootElement.ValueKind != JsonValueKind.Object
                || !status.RootElement.TryGetProperty("AwaitingItems", out JsonElement items) && !status.RootElement.TryGetProperty("awaitingItems", out items)
                || items.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            string?[] awaiting = [.. items.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : null)];
            return awaiting.Contains("caseworker-decision") && !awaiting.Contains("federal-decision");
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
