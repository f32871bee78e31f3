using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Application.Http;
using Workflow.Application.Submissions;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Serialization;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Validation;

/// <summary>
/// Documents streamed as the HTTP API reads them (<see cref="DocumentStagingStream"/>): whatever the body, the outcome
/// is the one of reading it whole and decoding the base64 inline (the serializer's refusal in the same words, or the
/// same validation messages, or the same records and bytes), while the content reaches staging in blocks.
/// </summary>
public class StreamedDocumentTests
{
    const string Application = "wp-test";

    static readonly string[] Palette =
    [
        "A", "Q", "z", "0", "9", "+", "/", "=", "==", " ", "\t", "\n", "\r", "\f", "\v", "\u00A0", "\u2028", "\u0085", "é", "!", "-", "_",
        "\"", "\\", "\u0000", "\u007F", "😀", "JVBE", "Rl8t",
    ];

    [Fact]
    public async Task Thousands_of_random_contents_read_the_same_streamed_as_whole()
    {
        var random = new Random(20261130);
        for (int i = 0; i < 3000; i++)
        {
            int count = random.Next(1, 4);
            string body = Body(random, [.. Enumerable.Range(0, count).Select(_ => Content(random))]);
            await AssertSameAsync(Encoding.UTF8.GetBytes(body), seed: i, blockBytes: random.Next(1, 40), maxPiece: random.Next(1, 50));
        }
    }

    [Fact]
    public async Task Bytes_the_serializer_refuses_inside_a_content_are_refused_in_its_words()
    {
        string[] bad =
        [
            "\\uD800", "\\uDC00", "\\uD800\\u0041", "\\uD800\\uD800", "\\uD83D", "\\x", "\\u12G4", "\\u00", "\\", "\\uD800\\x",
        ];
        byte[][] raw = [[0x01], [0x1F], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x0A]];
        var random = new Random(7);
        string content = Convert.ToBase64String(Pdf(300, random));
        foreach (int at in new[] { 0, 1, 150, content.Length })
        {
            foreach (string escape in bad)
            {
                string body = Body(random, [$"\"{content[..at]}{escape}{content[at..]}\""]);
                await AssertSameAsync(Encoding.UTF8.GetBytes(body), seed: at, blockBytes: 16, maxPiece: 9);
            }

            foreach (byte[] bytes in raw)
            {
                byte[] body = [.. Encoding.UTF8.GetBytes(Body(random, ["\"" + content[..at] + "\u0001MARK\u0001" + content[at..] + "\""]))];
                int mark = body.AsSpan().IndexOf("\u0001MARK\u0001"u8);
                await AssertSameAsync([.. body[..mark], .. bytes, .. body[(mark + 6)..]], seed: at, blockBytes: 16, maxPiece: 9);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"documents\"")]
    [InlineData("{\"documents\": [{\"type\": \"diploma\", ")]
    [InlineData("{\"documents\": [{\"contentBase64\": \"JVBERi0x")]
    [InlineData("{\"documents\": [{\"contentBase64\": ")]
    [InlineData("{\"documents\": [{\"contentBase64\"")]
    [InlineData("{\"documents\": [{\"contentBase64\": \"JVBERi0x\" /* c */}]}")]
    [InlineData("{\"documents\": [{\"contentBase64\": \"JVBERi0x\",}]}")]
    [InlineData("{\"documents\": [{\"contentBase64\": \"JVBERi0x\", \"contentBase64\": \"JVBERi0x\"}]}")]
    [InlineData("{\"documents\": [{\"contentBase64\": \"JVBERi0x\", \"ContentBase64\": \"JVBERi0x\"}]}")]
    [InlineData("{\"documents\": [{\"contentBase64\": 123}]}")]
    [InlineData("{\"documents\": [{\"contentBase64\": null}]}")]
    [InlineData("{\"documents\": [{\"contentBase64\": {\"a\": \"JVBERi0x\"}}]}")]
    [InlineData("{\"documents\": [{\"contentBase64\": [\"JVBERi0x\"]}]}")]
    [InlineData("{\"documents\": {\"contentBase64\": \"JVBERi0x\"}}")]
    [InlineData("{\"documents\": [[{\"contentBase64\": \"JVBERi0x\"}]]}")]
    [InlineData("{\"documents\": [null, {\"type\": \"diploma\", \"fileName\": \"d.pdf\", \"contentType\": \"application/pdf\", \"contentBase64\": \"JVBERi0x\"}]}")]
    [InlineData("{\"documents\": [{\"type\": \"diploma\", \"fileName\": \"d.pdf\", \"contentType\": \"application/pdf\", \"contentBase64\": \"JVBERi0x\", \"receivedAt\": \"2020-01-01\"}]}")]
    [InlineData("{\"documents\": [{\"type\": \"diploma\", \"fileName\": \"d.pdf\", \"contentType\": \"application/pdf\", \"contentBase64\": \"JVBERi0x\"}]} {}")]
    [InlineData("{\"documents\": [{\"type\": \"diploma\", \"fileName\": \"d.pdf\", \"contentType\": \"application/pdf\", \"contentBase64\": \"JVBERi0x\"}]}   ")]
    [InlineData("{\"documents\": [{\"type\": \"diploma\", \"fileName\": \"d.pdf\", \"contentType\": \"application/pdf\", \"content\\u0042ase64\": \"JVBERi0x\"}]}")]
    [InlineData("{\"DOCUMENTS\": [{\"type\": \"diploma\", \"fileName\": \"d.pdf\", \"contentType\": \"application/pdf\", \"CONTENTBASE64\": \"JVBERi0x\"}]}")]
    [InlineData("{\"documents\": [{\"type\": \"diploma\", \"fileName\": \"d.pdf\", \"contentType\": \"application/pdf\", \"contentBa\u017fe64\": \"JVBERi0x\"}]}")]
    [InlineData("{\"documents\": [{\"contentBase64\": \"JVBERi0x\"}], \"documents\": []}")]
    [InlineData("{\"documents\": [{\"contentBase64\": NaN}]}")]
    [InlineData("{'documents': []}")]
    public async Task Json_the_scanner_meets_anywhere_gets_the_answer_it_gets_read_whole(string body)
    {
        for (int seed = 0; seed < 20; seed++)
        {
            await AssertSameAsync(Encoding.UTF8.GetBytes(body), seed, blockBytes: 4, maxPiece: 1 + seed);
        }
    }

    [Fact]
    public async Task Deep_nesting_and_huge_other_values_read_the_same()
    {
        await AssertSameAsync(Encoding.UTF8.GetBytes("{\"documents\": " + new string('[', 100_000)), seed: 1);
        await AssertSameAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"documents\": [{\"a\":", 40))), seed: 2);
        string title = new('x', 300_000);
        string submission = JsonSerializer.Serialize(Samples.Request(PermitCategory.HighlySkilled), WorkflowJson.Options);
        JsonObject node = JsonNode.Parse(submission)!.AsObject();
        node["job"]!["title"] = title;
        node["documents"] = new JsonArray(Document("passport", Pdf(70_000, new Random(3))), Document("diploma", Pdf(5, new Random(4))));
        await AssertSameAsync(Encoding.UTF8.GetBytes(node.ToJsonString()), seed: 3, submission: true);
    }

    [Fact]
    public async Task White_space_runs_of_megabytes_between_tokens_do_not_stop_the_streaming()
    {
        var random = new Random(17);
        string spaces = new(' ', 3 * 1024 * 1024);
        string first = $"\"{Convert.ToBase64String(Pdf(100_000, random))}\"";
        string second = $"\"{Convert.ToBase64String(Pdf(200, random))}\"";
        string body = Body(random, [first, second]).Replace("},\n{", "}," + spaces + "\n{", StringComparison.Ordinal);
        Assert.Contains(spaces, body, StringComparison.Ordinal);
        await AssertSameAsync(Encoding.UTF8.GetBytes(spaces + body + spaces), seed: 17, blockBytes: 1000, maxPiece: 100_000);
    }

    [Fact]
    public async Task Past_a_token_longer_than_any_valid_request_has_the_body_is_judged_as_before()
    {
        string submission = JsonSerializer.Serialize(Samples.Request(PermitCategory.HighlySkilled), WorkflowJson.Options);
        JsonObject node = JsonNode.Parse(submission)!.AsObject();
        node["job"]!["title"] = new string('x', 2 * 1024 * 1024);
        node["documents"] = new JsonArray(Document("passport", Pdf(70_000, new Random(3))));
        await AssertSameAsync(Encoding.UTF8.GetBytes(node.ToJsonString()), seed: 3, maxPiece: 100_000, submission: true, allStreamed: false);
    }

    [Fact]
    public async Task A_submission_reads_the_same_whatever_the_order_of_its_members()
    {
        var random = new Random(11);
        JsonObject sample = JsonNode.Parse(JsonSerializer.Serialize(Samples.Request(PermitCategory.Other), WorkflowJson.Options))!.AsObject();
        sample["documents"] = new JsonArray(Document("passport", Pdf(3000, random)), Document("vacancy-evidence", Pdf(10, random)));
        for (int i = 0; i < 50; i++)
        {
            var shuffled = new JsonObject();
            foreach (KeyValuePair<string, JsonNode?> member in sample.OrderBy(_ => random.Next()).ToList())
            {
                shuffled[member.Key] = member.Value?.DeepClone();
            }

            await AssertSameAsync(Encoding.UTF8.GetBytes(shuffled.ToJsonString()), seed: i, blockBytes: random.Next(1, 500), maxPiece: random.Next(1, 300), submission: true);
        }
    }

    [Fact]
    public async Task The_limits_of_one_document_and_of_all_together_hold_exactly_as_before()
    {
        var random = new Random(5);
        byte[] largest = Pdf(DocumentRules.MaxDocumentBytes, random);
        string base64 = Convert.ToBase64String(largest);
        string[] contents =
        [
            $"\"{base64}\"",
            $"\"{Convert.ToBase64String(Pdf(DocumentRules.MaxDocumentBytes + 1, random))}\"",
            $"\"{base64}    \"", // within the slack for white space
            $"\"{base64}     \"", // one character over the longest string a document may have
            $"\"{base64[..^4]}\\n\\r\\t {base64[^4..]}\"",
        ];
        foreach (string content in contents)
        {
            await AssertSameAsync(Encoding.UTF8.GetBytes(Body(random, [content])), seed: 1, blockBytes: DocumentStagingStream.BlockBytes, maxPiece: 70_000);
        }

        // Four of the largest together are the most a request may carry; a fifth byte more is refused.
        string four = Body(random, [.. Enumerable.Range(0, 4).Select(i => $"\"{Convert.ToBase64String(Pdf(DocumentRules.MaxDocumentBytes, new Random(i)))}\"")]);
        await AssertSameAsync(Encoding.UTF8.GetBytes(four), seed: 2, blockBytes: DocumentStagingStream.BlockBytes, maxPiece: 70_000);
        string over = Body(random, [.. Enumerable.Range(0, 5).Select(i => $"\"{Convert.ToBase64String(Pdf(DocumentRules.MaxTotalBytes / 5 + (i == 0 ? 1 : 0), new Random(i)))}\"")]);
        await AssertSameAsync(Encoding.UTF8.GetBytes(over), seed: 3, blockBytes: DocumentStagingStream.BlockBytes, maxPiece: 70_000);
    }

    [Fact]
    public async Task Content_reaches_staging_in_blocks_of_the_block_size_and_never_whole()
    {
        byte[] pdf = Pdf(DocumentRules.MaxDocumentBytes, new Random(9));
        byte[] body = Encoding.UTF8.GetBytes(Body(new Random(9), [$"\"{Convert.ToBase64String(pdf)}\""]));
        (string outcome, RecordingDocumentStaging staging) = await StreamedAsync(body, new Random(9), DocumentStagingStream.BlockBytes, maxPiece: 64 * 1024);
        Assert.StartsWith(" / ", outcome, StringComparison.Ordinal); // no errors

        RecordingDocumentStaging.Upload upload = Assert.Single(staging.Uploads);
        Assert.Equal(pdf.Length, upload.BlockSizes.Sum());
        Assert.True(upload.BlockSizes.Count >= 5, $"{upload.BlockSizes.Count} blocks");
        Assert.All(upload.BlockSizes, size => Assert.InRange(size, 1, DocumentStagingStream.BlockBytes + 3));
        Assert.Equal(pdf, staging.Saved[(Application, Convert.ToHexStringLower(SHA256.HashData(pdf)))]);
        Assert.True(upload.Disposed);
    }

    [Fact]
    public async Task The_same_body_reads_to_the_same_references_and_other_content_to_others()
    {
        var random = new Random(13);
        byte[] pdf = Pdf(1000, random);
        string Of(byte[] content) => Body(new Random(1), [$"\"{Convert.ToBase64String(content)}\"", $"\"{Convert.ToBase64String(content)}\""]);

        async Task<string> ReferencesAsync(string body)
        {
            await using var uploads = new DocumentUploads(new RecordingDocumentStaging());
            await using var stream = new DocumentStagingStream(new TricklingStream(Encoding.UTF8.GetBytes(body), random, 100), uploads, 64);
            SupplyDocumentsRequest request = (await JsonSerializer.DeserializeAsync<SupplyDocumentsRequest>(stream, JsonBody.Strict))!;
            Assert.All(uploads.Attach(request.Documents)!, d => Assert.NotNull(d.Staged));
            return JsonSerializer.Serialize(request, WorkflowJson.Options);
        }

        string first = await ReferencesAsync(Of(pdf));
        Assert.Equal(first, await ReferencesAsync(Of(pdf)));
        byte[] other = [.. pdf];
        other[^1] ^= 1;
        Assert.NotEqual(first, await ReferencesAsync(Of(other)));
        Assert.DoesNotContain(Convert.ToBase64String(pdf)[..40], first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_as_many_contents_as_a_valid_request_carries_may_be_held_in_memory()
    {
        var random = new Random(17);
        string content = $"\"{Convert.ToBase64String(Pdf(100, random))}\"";
        byte[] body = Encoding.UTF8.GetBytes(Body(random, [.. Enumerable.Repeat(content, DocumentRules.MaxDocuments + 5)]));
        var staging = new RecordingDocumentStaging();
        await using (var uploads = new DocumentUploads(staging))
        {
            await using var stream = new DocumentStagingStream(new MemoryStream(body), uploads);
            await JsonSerializer.DeserializeAsync<SupplyDocumentsRequest>(stream, JsonBody.Strict);
        }

        Assert.Equal(DocumentRules.MaxDocuments + 5, staging.Uploads.Count);
        Assert.Equal(DocumentRules.MaxDocuments, staging.Uploads.Count(u => u.HoldBytes == DocumentUploads.HoldBytes));
        Assert.Equal(5, staging.Uploads.Count(u => u.HoldBytes == 0));
    }

    /// <summary>Reads the body both ways and asserts the same outcome; every staged upload is discarded at the end.</summary>
    static async Task AssertSameAsync(byte[] body, int seed, int blockBytes = 5, int maxPiece = 7, bool submission = false, bool allStreamed = true)
    {
        string whole = Whole(body, submission);
        (string streamed, RecordingDocumentStaging staging) = await StreamedAsync(body, new Random(seed), blockBytes, maxPiece, submission, allStreamed);
        Assert.True(whole == streamed, $"Body {Show(body)}\n read whole: {whole}\n streamed:   {streamed}");
        Assert.All(staging.Uploads, upload => Assert.True(upload.Disposed));
    }

    static string Whole(byte[] body, bool submission)
    {
        try
        {
            IReadOnlyList<DocumentInput>? documents = submission
                ? JsonSerializer.Deserialize<SubmitApplicationRequest>(body, JsonBody.Strict)?.Documents
                : JsonSerializer.Deserialize<SupplyDocumentsRequest>(body, JsonBody.Strict)?.Documents;
            var errors = new ValidationErrors();
            IReadOnlyList<ValidatedDocument> valid = DocumentRules.Validate(errors, "documents", documents, Samples.Now, required: true);
            return Describe(errors, valid.Select(d => (d.Record, d.Content.ToArray())));
        }
        catch (JsonException e)
        {
            return "refused: " + JsonBody.Describe(e);
        }
    }

    static async Task<(string Outcome, RecordingDocumentStaging Staging)> StreamedAsync(
        byte[] body, Random random, int blockBytes, int maxPiece, bool submission = false, bool allStreamed = true)
    {
        var staging = new RecordingDocumentStaging();
        string outcome;
        await using (var uploads = new DocumentUploads(staging))
        {
            await using var stream = new DocumentStagingStream(new TricklingStream(body, random, maxPiece), uploads, blockBytes);
            try
            {
                IReadOnlyList<DocumentInput>? documents = submission
                    ? (await JsonSerializer.DeserializeAsync<SubmitApplicationRequest>(stream, JsonBody.Strict))?.Documents
                    : (await JsonSerializer.DeserializeAsync<SupplyDocumentsRequest>(stream, JsonBody.Strict))?.Documents;
                documents = uploads.Attach(documents);
                var errors = new ValidationErrors();
                IReadOnlyList<ValidatedDocument> valid = DocumentRules.Validate(errors, "documents", documents, Samples.Now, required: true);
                var saved = new List<(StoredDocument, byte[])>();
                foreach (ValidatedDocument document in valid)
                {
                    if (document.Staged?.Upload is null)
                    {
                        // Not streamed (only where the scanner gave up): the validation decoded the base64.
                        Assert.False(allStreamed, "A document reached the validation as base64.");
                        saved.Add((document.Record, document.Content.ToArray()));
                        continue;
                    }

                    Assert.True(document.Content.IsEmpty);
                    await document.Staged.Upload.SaveToDossierAsync(Application, document.Record, CancellationToken.None);
                    saved.Add((document.Record, staging.Saved[(Application, document.Record.Sha256)]));
                }

                outcome = Describe(errors, saved);
            }
            catch (JsonException e)
            {
                outcome = "refused: " + JsonBody.Describe(e);
            }
        }

        return (outcome, staging);
    }

    static string Describe(ValidationErrors errors, IEnumerable<(StoredDocument Record, byte[] Bytes)> documents) =>
        string.Join("; ", errors.ToDictionary().OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {string.Join(" | ", e.Value)}"))
        + " / " + string.Join(", ", documents.Select(d => $"{d.Record} bytes {Convert.ToHexStringLower(SHA256.HashData(d.Bytes))}"));

    static string Show(byte[] body) => body.Length <= 400 ? Encoding.UTF8.GetString(body) : $"{Encoding.UTF8.GetString(body[..400])}... ({body.Length} bytes)";

    /// <summary>A documents body; the members of each document in a random order, the content as given (JSON text).</summary>
    static string Body(Random random, string[] contents)
    {
        var documents = new List<string>();
        foreach (string content in contents)
        {
            bool png = random.Next(6) == 0;
            string[] members =
            [
                "\"type\": \"diploma\"",
                png ? "\"fileName\": \"scan.png\"" : "\"fileName\": \"diploma.pdf\"",
                png ? "\"contentType\": \"image/png\"" : "\"contentType\": \"application/pdf\"",
                $"\"{(random.Next(8) == 0 ? "ContentBase64" : "contentBase64")}\"{(random.Next(2) == 0 ? " : " : ":")}{content}",
            ];
            documents.Add("{" + string.Join(", ", members.OrderBy(_ => random.Next())) + "}");
        }

        return $"{{\"documents\": [{string.Join(",\n", documents)}]}}";
    }

    /// <summary>A content as JSON text: mostly base64 of a PDF, with white space and escapes here and there, or a random mix.</summary>
    static string Content(Random random)
    {
        string text = random.Next(10) switch
        {
            < 6 => WithWhiteSpace(random, Convert.ToBase64String(Pdf(random.Next(0, 300), random))),
            < 8 => string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => Palette[random.Next(Palette.Length)])),
            _ => WithWhiteSpace(random, Convert.ToBase64String(RandomBytes(random, random.Next(0, 30)))),
        };
        return Quoted(random, random.Next(30) == 0 ? text + new string('A', 40_000) : text);
    }

    static string WithWhiteSpace(Random random, string base64)
    {
        var text = new StringBuilder();
        foreach (char c in base64)
        {
            if (random.Next(40) == 0)
            {
                text.Append(" \t\r\n"[random.Next(4)]);
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>JSON string text for <paramref name="value"/>, each character escaped or not at random (where JSON allows both).</summary>
    static string Quoted(Random random, string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            bool mustEscape = c is '"' or '\\' || c < 0x20;
            if (mustEscape || random.Next(25) == 0)
            {
                string? shortForm = c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '/' => "\\/",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    _ => null,
                };
                text.Append(shortForm is not null && random.Next(2) == 0 ? shortForm : "\\u" + ((int)c).ToString(random.Next(2) == 0 ? "X4" : "x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    static JsonObject Document(string type, byte[] content) => new()
    {
        ["type"] = type,
        ["fileName"] = type + ".pdf",
        ["contentType"] = "application/pdf",
        ["contentBase64"] = Convert.ToBase64String(content),
    };

    static byte[] Pdf(int size, Random random)
    {
        byte[] content = RandomBytes(random, size);
        "%PDF-1.4\n"u8[..Math.Min(size, 9)].CopyTo(content);
        return content;
    }

    static byte[] RandomBytes(Random random, int size)
    {
        byte[] bytes = new byte[size];
        random.NextBytes(bytes);
        return bytes;
    }
}
