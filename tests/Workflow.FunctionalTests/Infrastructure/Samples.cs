using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>The committed sample applications (tests/samples), each given a fresh submission id and job dates relative to today.</summary>
internal static class Samples
{
    public const string HighlySkilled = "highly-skilled";
    public const string MediumSkilledShortage = "medium-skilled-shortage";
    public const string Other = "other";
    public const string Seasonal = "seasonal";
    public const string MinisterOfReligion = "minister-of-religion";
    public const string WorkCard = "work-card";
    public const string ProfessionalCard = "professional-card";

    public static IReadOnlyList<string> All { get; } = [HighlySkilled, MediumSkilledShortage, Other, Seasonal, MinisterOfReligion, WorkCard, ProfessionalCard];

    public static JsonObject Load(string category, Action<JsonObject>? change = null)
    {
        var sample = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, category + ".json")))!;
        sample["submissionId"] = $"T-{Guid.NewGuid():N}";

        DateOnly start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        JsonObject job = sample["job"]!.AsObject();
        if (job["endDate"] is not null)
        {
            var days = DateOnly.Parse(job["endDate"]!.GetValue<string>(), CultureInfo.InvariantCulture).DayNumber
                - DateOnly.Parse(job["startDate"]!.GetValue<string>(), CultureInfo.InvariantCulture).DayNumber;
            job["endDate"] = start.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        job["startDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        change?.Invoke(sample);
        return sample;
    }

    /// <summary>Drops the documents of the given types, to make an incomplete file.</summary>
    public static Action<JsonObject> Without(params string[] documentTypes) => sample =>
    {
        JsonArray documents = sample["documents"]!.AsArray();
        foreach (JsonNode? document in documents.Where(d => documentTypes.Contains(d!["type"]!.GetValue<string>())).ToList())
        {
            documents.Remove(document);
        }
    };

    /// <summary>A small valid PDF document of the given type.</summary>
    public static JsonObject Document(string type, string? marker = null) => new()
    {
        ["type"] = type,
        ["fileName"] = type + ".pdf",
        ["contentType"] = "application/pdf",
        ["contentBase64"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {type} {marker ?? Guid.NewGuid().ToString("N")}\n%%EOF\n")),
    };
}
