namespace Workflow.Application.Validation;

/// <summary>Collects validation errors per field (JSON path), for an RFC 9457 validation problem.</summary>
public sealed class ValidationErrors
{
    readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => this.errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!this.errors.TryGetValue(field, out List<string>? messages))
        {
            this.errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Adds an error when <paramref name="value"/> is missing; returns whether it is present.</summary>
    public bool Require<T>(string field, T? value)
    {
        bool present = value switch
        {
            null => false,
            string text => !string.IsNullOrWhiteSpace(text),
            _ => true,
        };
        if (!present)
        {
            this.Add(field, "is required");
        }

        return present;
    }

    public Dictionary<string, string[]> ToDictionary() =>
        this.errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
