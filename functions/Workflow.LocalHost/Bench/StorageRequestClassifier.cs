namespace Workflow.LocalHost.Bench;

/// <summary>
/// Names a storage request from its service (which proxy port it came in on), method and path-style URL
/// (<c>/{account}/{resource}/...</c>, as on Azurite): the queue, table or container, and the operation.
/// </summary>
public static class StorageRequestClassifier
{
    public const string Account = "(account)";

    public static StorageRequest Classify(StorageService service, string method, string path, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string resource = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : Account;
        method = method.ToUpperInvariant();
        bool read = method is "GET" or "HEAD";
        return service switch
        {
            StorageService.Queue => Queue(method, segments, resource, query),
            StorageService.Table => Table(method, resource, read),
            _ => new StorageRequest(StorageService.Blob, resource, method, BilledAsWrite: !read && method != "DELETE"),
        };
    }

    /// <summary>
    /// Queue messages: a GET on /messages dequeues (it hides what it returns, billed as a write) unless it only peeks;
    /// a POST puts, a PUT on one message updates it, a DELETE deletes it.
    /// </summary>
    static StorageRequest Queue(string method, string[] segments, string resource, string? query)
    {
        bool messages = segments.Length > 2 && segments[2].Equals("messages", StringComparison.OrdinalIgnoreCase);
        bool peek = query?.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) == true;
        string operation = (method, messages, segments.Length > 3) switch
        {
            ("GET", true, false) => peek ? "peek" : "dequeue",
            ("POST", true, false) => "put",
            ("PUT", true, true) => "update",
            ("DELETE", true, true) => "delete",
            ("DELETE", true, false) => "clear",
            _ => method + (messages ? " messages" : string.Empty),
        };
        bool read = operation == "peek" || (!messages && method is "GET" or "HEAD");
        return new StorageRequest(StorageService.Queue, resource, operation, BilledAsWrite: !read);
    }

    /// <summary>Tables: "Name(PartitionKey='…',RowKey='…')" and "Name()" are the table "Name"; "$batch" is an entity group transaction.</summary>
    static StorageRequest Table(string method, string resource, bool read)
    {
        int parenthesis = resource.IndexOf('(', StringComparison.Ordinal);
        string table = parenthesis > 0 ? resource[..parenthesis] : resource;
        string operation = table == "$batch" ? "batch" : method switch
        {
            "GET" => "query",
            "POST" => "insert",
            "PUT" => "upsert",
            "MERGE" or "PATCH" => "merge",
            "DELETE" => "delete",
            _ => method,
        };
        return new StorageRequest(StorageService.Table, table, operation, BilledAsWrite: !read);
    }
}
