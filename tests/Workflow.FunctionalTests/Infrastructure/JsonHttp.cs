using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>Reads a JSON answer, failing with its body when it is not 200.</summary>
internal static class JsonHttp
{
    public static async Task<JsonNode?> GetFromJsonNodeAsync(this HttpClient http, string path)
    {
        using HttpResponseMessage response = await http.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text);
    }
}
