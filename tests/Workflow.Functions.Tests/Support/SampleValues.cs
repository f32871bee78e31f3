using System.Collections;
using System.Reflection;

namespace Workflow.Functions.Tests.Support;

/// <summary>
/// Builds a sample instance of a contract record from its widest constructor, with a fixed, non-default value for every
/// parameter (recursively), so the serializer tests cover every member, including members added later.
/// </summary>
internal static class SampleValues
{
    static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 15, 123, TimeSpan.Zero);

    public static object Create(Type type) => Create(type, depth: 0, name: "value")!;

    static object? Create(Type type, int depth, string name)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"{type} nests too deeply for a sample.");
        }

        Type? nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null)
        {
            return Create(nullable, depth, name);
        }

        if (type == typeof(string))
        {
            return $"{name}-1";
        }

        if (type.IsEnum)
        {
            Array values = Enum.GetValues(type);
            return values.GetValue(values.Length > 1 ? 1 : 0);
        }

        if (type == typeof(int))
        {
            return 7;
        }

        if (type == typeof(long))
        {
            return 20000L;
        }

        if (type == typeof(decimal))
        {
            return 200.5m;
        }

        if (type == typeof(double))
        {
            return 0.25;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            return At;
        }

        if (type == typeof(DateTime))
        {
            return At.UtcDateTime;
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.FromDateTime(At.UtcDateTime);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromSeconds(5);
        }

        if (type == typeof(Uri))
        {
            return new Uri("https://example.org/x");
        }

        if (type.IsArray)
        {
            Array array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(Create(type.GetElementType()!, depth + 1, name), 0);
            return array;
        }

        if (type.IsGenericType && type.GetGenericArguments() is [Type key, Type value] && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, value))!;
            dictionary.Add(Create(key, depth + 1, name)!, Create(value, depth + 1, name));
            return dictionary;
        }

        if (type.IsGenericType && type.GetGenericArguments() is [Type element] && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Create(element, depth + 1, name));
            return list;
        }

        ConstructorInfo constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"No public constructor to sample {type}.");
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Create(p.ParameterType, depth + 1, p.Name ?? name))]);
    }
}
