using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Adapters.Simulated;

/// <summary>
/// Reproducible randomness for the simulated outside parties: a <see cref="Random"/> seeded with the SHA-256 of the
/// inputs, so the same seed and inputs always give the same answers (docs/design.md#ports-and-adapters), in any process, on any machine.
/// </summary>
internal static class SeededRandom
{
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Simulation data that must be reproducible, not secrets.")]
    public static Random For(params string[] inputs)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', inputs)));
        return new Random(BitConverter.ToInt32(hash, 0));
    }
}
