using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Assignment;

/// <summary>The calls the assignment tests repeat: people with subjects of their own (unique per test, on a shared host), claims, views.</summary>
internal static class AssignmentSteps
{
    /// <summary>A caseworker or manager with a subject no other test uses, and a display name.</summary>
    public static Staff Person(PermitHost host, string role, string name)
    {
        string subject = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}"[..40];
        return new Staff(host.Api.AsPerson(role, subject, name), subject, name);
    }

    public static Task<HttpResponseMessage> ClaimAsync(Staff person, string applicationId) =>
        person.Api.Http.PostAsync($"/api/applications/{applicationId}/assignment/claim", null);

    public static Task<HttpResponseMessage> ReleaseAsync(Staff person, string applicationId) =>
        person.Api.Http.PostAsync($"/api/applications/{applicationId}/assignment/release", null);

    public static Task<HttpResponseMessage> AssignAsync(Staff manager, string applicationId, JsonObject body) =>
        manager.Api.Http.PutAsync($"/api/applications/{applicationId}/assignment", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>The answer's body after checking its status.</summary>
    public static async Task<JsonElement> ExpectAsync(Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using HttpResponseMessage response = await sending;
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        if ((int)status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> AssignmentAsync(Staff reader, string applicationId) =>
        await reader.Api.Http.GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}/assignment");

    /// <summary>The whole worklist in a view, page after page, as <paramref name="person"/> reads it.</summary>
    public static async Task<List<JsonElement>> WorklistAsync(Staff person, string view, int pageSize = 50)
    {
        var items = new List<JsonElement>();
        string? continuation = null;
        int pages = 0;
        do
        {
            string query = $"/api/worklist?view={view}&pageSize={pageSize}" + (continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}");
            using JsonDocument page = JsonDocument.Parse(await person.Api.Http.GetStringAsync(query));
            JsonElement[] got = [.. page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone())];
            Assert.True(got.Length <= pageSize, $"a page of {got.Length} items for pageSize {pageSize}");
            items.AddRange(got);
            continuation = page.RootElement.TryGetProperty("continuation", out JsonElement next) ? next.GetString() : null;
            Assert.True(++pages < 10_000, "the worklist never ends");
        }
        while (continuation is not null);
        return items;
    }

    /// <summary>The item of an application in a view, or null.</summary>
    public static async Task<JsonElement?> ItemAsync(Staff person, string view, string applicationId) =>
        (await WorklistAsync(person, view)).Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("applicationId").GetString() == applicationId);

    /// <summary>The application's rows in the worklist table as the host wrote them.</summary>
    public static async Task<List<TableEntity>> WorklistRowsAsync(PermitHost host, string applicationId)
    {
        var rows = new List<TableEntity>();
        await foreach (TableEntity row in host.Storage.Table("Worklist").QueryAsync<TableEntity>(e => e.PartitionKey == "open"))
        {
            if (row.RowKey.EndsWith("|" + applicationId, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>The application's timeline as <paramref name="reader"/> reads it.</summary>
    public static async Task<JsonElement[]> TimelineAsync(Staff reader, string applicationId)
    {
        JsonElement status = await reader.Api.Http.GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}");
        return [.. status.GetProperty("timeline").EnumerateArray().Select(e => e.Clone())];
    }

}
