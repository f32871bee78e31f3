using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Application.Payments;

/// <summary>
/// The Belgian structured communication (OGM/VCS) the bank transfer of a fee carries: twelve digits, the last two a
/// check of the first ten (mod 97, 97 for 0), written <c>+++123/4567/89012+++</c>. Derived from the application id, so
/// every payment of one application carries the same reference.
/// </summary>
public static class PaymentReference
{
    public static string For(string applicationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ulong number = BitConverter.ToUInt64(SHA256.HashData(Encoding.ASCII.GetBytes(applicationId)), 0) % 10_000_000_000UL;
        ulong check = number % 97;
        string digits = number.ToString("D10", CultureInfo.InvariantCulture) + (check == 0 ? 97 : check).ToString("D2", CultureInfo.InvariantCulture);
        return $"+++{digits[..3]}/{digits[3..7]}/{digits[7..]}+++";
    }

    /// <summary>Whether <paramref name="reference"/> is a well-formed structured communication with a correct check.</summary>
    public static bool IsValid(string? reference)
    {
        if (reference is null)
        {
            return false;
        }

        string digits = new([.. reference.Where(char.IsAsciiDigit)]);
        if (digits.Length != 12 || !ulong.TryParse(digits[..10], NumberStyles.None, CultureInfo.InvariantCulture, out ulong number))
        {
            return false;
        }

        ulong check = number % 97;
        return digits[10..] == (check == 0 ? 97 : check).ToString("D2", CultureInfo.InvariantCulture);
    }
}
