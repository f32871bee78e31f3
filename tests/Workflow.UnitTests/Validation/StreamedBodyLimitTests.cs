using System.Text;
using Microsoft.AspNetCore.Http;
using Workflow.Application.Http;
using Workflow.Application.Submissions;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Validation;

/// <summary>
/// The limit on a body that carries documents: refused as 413 without reading it when its Content-Length says it is
/// too large, and read no further than the limit when it does not say; as before, a body over the limit is too large
/// whatever its JSON; nothing staged survives a refusal.
/// </summary>
public class StreamedBodyLimitTests
{
    const long Limit = 1024 * 1024;

    static readonly byte[] Start = Encoding.UTF8.GetBytes(
        "{\"documents\": [{\"type\": \"diploma\", \"fileName\": \"d.pdf\", \"contentType\": \"application/pdf\", \"contentBase64\": \"" +
        Convert.ToBase64String(new byte[300_000]) + "\"}], ");

    [Fact]
    public async Task A_body_whose_length_says_it_is_too_large_is_refused_unread()
    {
        var body = new CountingStream(Start, Limit + 1);
        (int status, RecordingDocumentStaging staging) = await ReadAsync(body, contentLength: Limit + 1);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Equal(0, body.BytesRead);
        Assert.Empty(staging.Uploads);
    }

    [Theory]
    [InlineData((byte)' ')]
    [InlineData((byte)'x')] // malformed JSON long before the limit: still too large, as when bodies were read whole
    public async Task A_body_without_a_length_is_read_no_further_than_the_limit(byte fill)
    {
        var body = new CountingStream(Start, 40 * Limit, fill);
        (int status, RecordingDocumentStaging staging) = await ReadAsync(body, contentLength: null);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Equal(Limit + 1, body.BytesRead);
        Assert.Empty(staging.Saved);
        Assert.All(staging.Uploads, u => Assert.True(u.Disposed));
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read_and_malformed_json_within_it_is_a_400()
    {
        byte[] valid = [.. Start[..^2], .. "}"u8];
        var exact = new CountingStream(valid, Limit); // the white space after the JSON fills it up to the limit
        (int status, _) = await ReadAsync(exact, contentLength: null);
        Assert.Equal(StatusCodes.Status200OK, status);

        (int malformed, _) = await ReadAsync(new CountingStream(Start, Limit, (byte)'x'), contentLength: null);
        Assert.Equal(StatusCodes.Status400BadRequest, malformed);
    }

    /// <summary>Reads as the documents endpoint does; the status of the problem, or 200 when the body was read.</summary>
    static async Task<(int Status, RecordingDocumentStaging Staging)> ReadAsync(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = contentLength;
        var staging = new RecordingDocumentStaging();
        await using var uploads = new DocumentUploads(staging);
        (SupplyDocumentsRequest? value, IResult? problem) = await JsonBody.ReadAsync<SupplyDocumentsRequest>(context.Request, Limit, uploads, CancellationToken.None);
        int status = value is not null ? StatusCodes.Status200OK : ((IStatusCodeHttpResult)problem!).StatusCode!.Value;
        return (status, staging);
    }
}
