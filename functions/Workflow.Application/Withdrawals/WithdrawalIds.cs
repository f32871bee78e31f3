using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// A withdrawal's id, which is also its workflow's instance id and the handoff id of its federal message: "wd-" and 24
/// random lowercase hex digits, derived from nothing (no personal data, nothing to guess from a finding).
/// </summary>
public static partial class WithdrawalIds
{
    public static string New() => "wd-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool IsWellFormed(string? value) => value is not null && Shape().IsMatch(value);

    /// <summary>Where a withdrawal is read.</summary>
    public static string Url(string withdrawalId) => $"/api/withdrawals/{withdrawalId}";

    [GeneratedRegex("^wd-[0-9a-f]{24}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
