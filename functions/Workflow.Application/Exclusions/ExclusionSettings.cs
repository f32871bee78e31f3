using System.Text;

namespace Workflow.Application.Exclusions;

/// <summary>
/// Settings of the exclusion registry (section "Exclusions"): the key directors' person numbers are fingerprinted with
/// (<see cref="HmacPartyFingerprint"/>). A development-only value in the local host's appsettings.json; a Key Vault
/// reference in Azure. Changing the key makes every recorded director unfindable, so it is set once per registry.
/// </summary>
public sealed class ExclusionSettings
{
    public const string Section = "Exclusions";

    /// <summary>HMAC-SHA256 wants a key of at least 256 bits.</summary>
    public const int MinKeyBytes = 32;

    public string DirectorKey { get; set; } = "";

    public static string KeyProblem => $"{Section}:{nameof(DirectorKey)} must be set to at least {MinKeyBytes} bytes (appsettings.json has a development-only value; Key Vault in Azure).";

    /// <summary>The key's bytes (UTF-8); refuses a missing or short key, so a registry never runs on a guessable one.</summary>
    public static byte[] KeyBytes(string? configured)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(configured ?? string.Empty);
        return bytes.Length >= MinKeyBytes ? bytes : throw new InvalidOperationException(KeyProblem);
    }

    public bool HasValidKey => Encoding.UTF8.GetByteCount(this.DirectorKey ?? string.Empty) >= MinKeyBytes;
}
