using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Workflow.Functions.Tests.Support;

/// <summary>A function's result as written to the HTTP response, as the ASP.NET Core integration executes it.</summary>
internal sealed record HttpOutcome(int Status, string? ContentType, string Body, IHeaderDictionary Headers)
{
    public JsonElement Json => JsonDocument.Parse(this.Body).RootElement;

    public static async Task<HttpOutcome> ExecuteAsync(IResult result, HttpContext http)
    {
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        string body = await new StreamReader(http.Response.Body, Encoding.UTF8).ReadToEndAsync();
        return new HttpOutcome(http.Response.StatusCode, http.Response.ContentType, body, http.Response.Headers);
    }
}
