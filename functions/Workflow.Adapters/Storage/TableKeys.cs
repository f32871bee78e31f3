using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Table keys made safe, deterministically: a PartitionKey or RowKey may not hold / \ # ? or control characters. Keys of
/// the platform (letters, digits, '-', ':', '.', '_') pass unchanged; anything else is escaped as "~XX" ('~' itself
/// included, so the mapping is one to one), and a key longer than the service allows is shortened with its hash.
/// </summary>
internal static class TableKeys
{
    /// <summary>Keys may be up to 1 KiB; staying well below leaves room for escaping.</summary>
    const int MaxLength = 400;

    static readonly SearchValues<char> Plain = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:._");

    public static string Safe(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        string safe = key;
        if (key.AsSpan().ContainsAnyExcept(Plain))
        {
            var text = new StringBuilder(key.Length + 8);
            foreach (char c in key)
            {
                if (c == '~' || c is '/' or '\\' or '#' or '?' || char.IsControl(c))
                {
                    text.Append('~').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(c);
                }
            }

            safe = text.ToString();
        }

        if (safe.Length <= MaxLength)
        {
            return safe;
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return string.Concat(safe.AsSpan(0, MaxLength - hash.Length - 1), "~", hash);
    }
}
