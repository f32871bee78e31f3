using System.Collections;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>A collection the in-memory exporters may add to from any thread while a test reads a copy.</summary>
internal sealed class LockedCollection<T> : ICollection<T>
{
    readonly List<T> items = [];

    public int Count
    {
        get
        {
            lock (this.items)
            {
                return this.items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        lock (this.items)
        {
            this.items.Add(item);
        }
    }

    public List<T> Snapshot()
    {
        lock (this.items)
        {
            return [.. this.items];
        }
    }

    public void Clear()
    {
        lock (this.items)
        {
            this.items.Clear();
        }
    }

    public bool Contains(T item) => this.Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => this.Snapshot().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (this.items)
        {
            return this.items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => this.Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => this.GetEnumerator();
}
