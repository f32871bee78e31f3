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

    /// <summary>The day the samples were written for: every date in them moves with the distance from it to today.</summary>
    static readonly DateOnly SampleDay = new(2026, 11, 29);

    public static JsonObject Load(string category, Action<JsonObject>? change = null)
    {
        var sample = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, category + ".json")))!;
        sample["submissionId"] = $"T-{Guid.NewGuid():N}";

        // Job dates and vacancy publications keep their distance to the submission, whatever day the tests run.
        int shift = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - SampleDay.DayNumber;
        JsonObject job = sample["job"]!.AsObject();
        Shift(job, "startDate", shift);
        Shift(job, "endDate", shift);
        foreach (JsonNode? vacancy in sample["labourMarketTest"]?["vacancies"]?.AsArray() ?? [])
        {
            Shift(vacancy!.AsObject(), "from", shift);
            Shift(vacancy.AsObject(), "to", shift);
        }

        change?.Invoke(sample);
        return sample;
    }

    static void Shift(JsonObject node, string property, int days)
    {
        if (node[property] is JsonNode date)
        {
            node[property] = DateOnly.Parse(date.GetValue<string>(), CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
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
