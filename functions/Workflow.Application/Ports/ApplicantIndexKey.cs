using System.Globalization;
using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Ports;

/// <summary>
/// The order of the applicant's index: the submission time inverted (fixed width, so text order is newest first), then
/// the application id (unique, so a repeated submission finds its own entry again). The key is also the continuation
/// the API hands out, so it is checked before it is used.
/// </summary>
public static class ApplicantIndexKey
{
    const int TicksWidth = 19;

    public static string For(DateTimeOffset submittedAt, string applicationId) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - submittedAt.UtcTicks:D19}-{applicationId}");

    /// <summary>Whether <paramref name="key"/> has the shape of a key (as a continuation must).</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: > TicksWidth + 1 }
        && key.AsSpan(0, TicksWidth).IndexOfAnyExceptInRange('0', '9') < 0
        && key[TicksWidth] == '-'
        && ApplicationIds.IsWellFormed(key[(TicksWidth + 1)..]);
}
