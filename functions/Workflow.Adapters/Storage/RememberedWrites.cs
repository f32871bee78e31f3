using System.Collections.Concurrent;
using Azure;

namespace Workflow.Adapters.Storage;

/// <summary>
/// What this process last wrote to a row that mostly it writes (a case's index row, its facts): the revision and the
/// ETag the write returned, so that the next write of a later revision can be conditional on that ETag without reading
/// the row first (one storage request fewer per transition). Nothing is trusted beyond what the table confirms: a row
/// someone else changed since (another host, an assignment, the assessment) fails the condition (412), and the writer
/// forgets what it remembered and reads as it would have; a row no longer there (404) likewise. Bounded: the writers
/// forget a case once it is closed, and everything is forgotten past <see cref="Capacity"/> rows (a read then).
/// </summary>
/// <typeparam name="T">What the writer needs of the row to write it again without reading it.</typeparam>
internal sealed class RememberedWrites<T>
    where T : class
{
    /// <summary>Far above the open cases of one host; the remembered part of a row is a few hundred bytes.</summary>
    public const int Capacity = 20_000;

    readonly ConcurrentDictionary<string, T> rows = new(StringComparer.Ordinal);

    public T? Recall(string key) => this.rows.TryGetValue(key, out T? row) ? row : null;

    /// <summary>
    /// Remembers a write by the ETag its response carried (<paramref name="etag"/>): nothing, and the key forgotten, when
    /// the service sent none or the case is not to be kept (closed).
    /// </summary>
    public void Remember(string key, ETag? etag, bool keep, Func<ETag, T> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!keep || etag is not ETag written)
        {
            this.Forget(key);
            return;
        }

        if (this.rows.Count >= Capacity && !this.rows.ContainsKey(key))
        {
            this.rows.Clear();
        }

        this.rows[key] = row(written);
    }

    public void Forget(string key) => this.rows.TryRemove(key, out _);
}
