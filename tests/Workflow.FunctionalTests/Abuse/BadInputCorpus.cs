using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Abuse;

/// <summary>
/// One case of the bad-input corpus (<c>tests/corpus/bad-input/*.json</c>, described in <c>tests/corpus/README.md</c>):
/// the endpoint, the content type, the expected status, why it is bad, and the body: a sample with changes
/// (<c>base</c>, <c>set</c>, <c>remove</c>), a literal JSON <c>body</c>, or a non-JSON <c>rawBody</c> /
/// <c>rawBodyBase64</c>. Large values are generated from a small description (<c>$repeat</c>, <c>$array</c>,
/// <c>$pdfBase64</c>, <c>$daysAfterStart</c>), so the corpus commits no megabytes.
/// </summary>
internal sealed class BadInputCase
{
    static readonly HashSet<string> Members = new(StringComparer.Ordinal)
    {
        "endpoint", "expectStatus", "why", "contentType", "base", "set", "remove", "body", "rawBody", "rawBodyBase64",
        "signed", "expectDetail", "expectErrors", "mustNotEcho",
    };

    BadInputCase(string name, JsonObject envelope)
    {
        this.Name = name;
        this.Envelope = envelope;
        string[] unknown = [.. envelope.Select(m => m.Key).Where(k => !Members.Contains(k))];
        Assert.True(unknown.Length == 0, $"{name}: unknown envelope members {string.Join(", ", unknown)}");
        string[] endpoint = Required(envelope, "endpoint").Split(' ', 2);
        this.Method = new HttpMethod(endpoint[0]);
        this.Path = endpoint[1];
        this.ExpectStatus = envelope["expectStatus"]!.GetValue<int>();
        Assert.InRange(this.ExpectStatus, 400, 499);
        this.Why = Required(envelope, "why");
        this.ContentType = envelope.TryGetPropertyValue("contentType", out JsonNode? type) ? type?.GetValue<string>() : "application/json";
        this.Signed = envelope["signed"]?.GetValue<bool>() ?? false;
        this.ExpectDetail = envelope["expectDetail"]?.GetValue<string>();
        this.ExpectErrors = [.. envelope["expectErrors"]?.AsArray().Select(e => e!.GetValue<string>()) ?? []];
        this.MustNotEcho = [.. envelope["mustNotEcho"]?.AsArray().Select(e => e!.GetValue<string>()) ?? []];
        int bodies = new[] { "base", "body", "rawBody", "rawBodyBase64" }.Count(envelope.ContainsKey);
        Assert.True(bodies == 1, $"{name}: give exactly one of base, body, rawBody, rawBodyBase64");
        Assert.True(envelope.ContainsKey("base") || (!envelope.ContainsKey("set") && !envelope.ContainsKey("remove")), $"{name}: set and remove change a base");
    }

    public static string Directory => System.IO.Path.Combine(RepositoryPaths.Root, "tests", "corpus", "bad-input");

    public string Name { get; }

    public JsonObject Envelope { get; }

    public HttpMethod Method { get; }

    /// <summary>The path, with placeholders <c>{applicationId}</c>, <c>{unknownApplicationId}</c>, <c>{exclusionId}</c>.</summary>
    public string Path { get; }

    public int ExpectStatus { get; }

    public string Why { get; }

    /// <summary>Null: no content type at all.</summary>
    public string? ContentType { get; }

    /// <summary>A federal webhook call signed as the federal office signs it, so the body is what is judged.</summary>
    public bool Signed { get; }

    public string? ExpectDetail { get; }

    public IReadOnlyList<string> ExpectErrors { get; }

    public IReadOnlyList<string> MustNotEcho { get; }

    public bool IsSubmission => this.Method == HttpMethod.Post && this.Path == "/api/applications";

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(f => System.IO.Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    public static BadInputCase Load(string name) =>
        new(name, (JsonObject)JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Directory, name + ".json")))!);

    /// <summary>
    /// The request body as bytes, with placeholders replaced; <paramref name="json"/> is the body as JSON when it is
    /// built as JSON (for the checks on what it names), and <paramref name="hostile"/> every long generated or given
    /// string in it, which the answer must not repeat.
    /// </summary>
    public byte[] Body(IReadOnlyDictionary<string, string> placeholders, out JsonNode? json, out List<string> hostile)
    {
        var strings = new List<string>();
        hostile = strings;
        json = null;
        if (this.Envelope["rawBodyBase64"] is JsonNode base64)
        {
            return Convert.FromBase64String(base64.GetValue<string>());
        }

        if (this.Envelope["rawBody"] is JsonNode raw)
        {
            var text = new StringBuilder();
            foreach (JsonNode? part in raw is JsonArray parts ? parts : new JsonArray(raw.DeepClone()))
            {
                string piece = part is JsonObject generator ? (string)Generate(generator, null, strings)! : part!.GetValue<string>();
                text.Append(piece);
            }

            return Encoding.UTF8.GetBytes(Substitute(text.ToString(), placeholders));
        }

        JsonNode body;
        if (this.Envelope["base"] is JsonNode sample)
        {
            body = Samples.Load(sample.GetValue<string>());
            foreach (JsonNode? path in this.Envelope["remove"]?.AsArray() ?? [])
            {
                Remove(body, path!.GetValue<string>());
            }

            foreach ((string path, JsonNode? value) in this.Envelope["set"]?.AsObject() ?? [])
            {
                Set(body, path, Resolve(value, body, strings));
            }
        }
        else
        {
            body = Resolve(this.Envelope["body"], null, strings) ?? JsonValue.Create((string?)null)!;
        }

        body = Substituted(body, placeholders)!;
        Collect(body, strings);
        json = body;
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>A value of the envelope with its generators run.</summary>
    static JsonNode? Resolve(JsonNode? value, JsonNode? application, List<string> hostile) => value switch
    {
        JsonObject o when o.Any(m => m.Key.StartsWith('$')) => Generate(o, application, hostile) is object generated
            ? generated as JsonNode ?? JsonValue.Create((string)generated)
            : null,
        JsonObject o => new JsonObject(o.Select(m => KeyValuePair.Create(m.Key, Resolve(m.Value, application, hostile)))),
        JsonArray a => new JsonArray([.. a.Select(e => Resolve(e, application, hostile))]),
        null => null,
        _ => value.DeepClone(),
    };

    /// <summary>
    /// <c>{"$repeat": "A", "times": n}</c> a string; <c>{"$array": item, "times": n}</c> an array of n copies;
    /// <c>{"$pdfBase64": bytes}</c> the base64 of a PDF of that size; <c>{"$daysAfterStart": n}</c> the job's start date + n days.
    /// </summary>
    static object? Generate(JsonObject generator, JsonNode? application, List<string> hostile)
    {
        if (generator["$repeat"] is JsonNode unit)
        {
            string text = string.Concat(Enumerable.Repeat(unit.GetValue<string>(), generator["times"]!.GetValue<int>()));
            hostile.Add(text);
            return text;
        }

        if (generator["$array"] is JsonNode item)
        {
            JsonNode? one = Resolve(item, application, hostile);
            return new JsonArray([.. Enumerable.Range(0, generator["times"]!.GetValue<int>()).Select(_ => one?.DeepClone())]);
        }

        if (generator["$pdfBase64"] is JsonNode size)
        {
            byte[] pdf = new byte[size.GetValue<int>()];
            "%PDF-1.4\n"u8.CopyTo(pdf);
            pdf.AsSpan(9).Fill((byte)'0');
            return Convert.ToBase64String(pdf);
        }

        if (generator["$daysAfterStart"] is JsonNode days)
        {
            DateOnly start = DateOnly.Parse(application!["job"]!["startDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            return start.AddDays(days.GetValue<int>()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"Unknown generator {generator.ToJsonString()}");
    }

    /// <summary>Sets a value at a path like <c>worker.insz</c> or <c>documents[0].fileName</c>, creating the last member.</summary>
    static void Set(JsonNode root, string path, JsonNode? value)
    {
        (JsonNode parent, string member, int? index) = Walk(root, path);
        if (index is int i)
        {
            parent[member]!.AsArray()[i] = value;
        }
        else
        {
            parent.AsObject()[member] = value;
        }
    }

    static void Remove(JsonNode root, string path)
    {
        (JsonNode parent, string member, int? index) = Walk(root, path);
        if (index is int i)
        {
            parent[member]!.AsArray().RemoveAt(i);
        }
        else
        {
            Assert.True(parent.AsObject().Remove(member), $"Nothing to remove at {path}");
        }
    }

    static (JsonNode Parent, string Member, int? Index) Walk(JsonNode root, string path)
    {
        string[] steps = path.Split('.');
        JsonNode node = root;
        for (int s = 0; s < steps.Length; s++)
        {
            (string member, int? index) = Step(steps[s]);
            if (s == steps.Length - 1)
            {
                return (node, member, index);
            }

            node = index is int i ? node[member]![i]! : node[member] ?? throw new InvalidOperationException($"No {member} in {path}");
        }

        throw new InvalidOperationException($"Empty path {path}");
    }

    static (string Member, int? Index) Step(string step)
    {
        int bracket = step.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (step, null) : (step[..bracket], int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture));
    }

    static JsonNode? Substituted(JsonNode? node, IReadOnlyDictionary<string, string> placeholders) => node switch
    {
        JsonObject o => new JsonObject(o.Select(m => KeyValuePair.Create(Substitute(m.Key, placeholders), Substituted(m.Value, placeholders)))),
        JsonArray a => new JsonArray([.. a.Select(e => Substituted(e, placeholders))]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(Substitute(v.GetValue<string>(), placeholders)),
        null => null,
        _ => node.DeepClone(),
    };

    public static string Substitute(string text, IReadOnlyDictionary<string, string> placeholders) =>
        text.Contains('{', StringComparison.Ordinal)
            ? placeholders.Aggregate(text, (current, p) => current.Replace(p.Key, p.Value, StringComparison.Ordinal))
            : text;

    /// <summary>Every string in the body (values and member names) long enough to count as hostile if repeated.</summary>
    static void Collect(JsonNode? node, List<string> strings)
    {
        switch (node)
        {
            case JsonObject o:
                foreach ((string key, JsonNode? value) in o)
                {
                    strings.Add(key);
                    Collect(value, strings);
                }

                break;
            case JsonArray a:
                foreach (JsonNode? e in a.Take(100))
                {
                    Collect(e, strings);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                strings.Add(v.GetValue<string>());
                break;
        }
    }

    static string Required(JsonObject envelope, string member)
    {
        string? value = envelope[member]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(value), $"The envelope needs {member}");
        return value!;
    }

    public override string ToString() => this.Name;
}
