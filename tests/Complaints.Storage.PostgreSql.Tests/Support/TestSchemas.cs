using Npgsql;

namespace Complaints.Storage.PostgreSql.Tests.Support;

/// <summary>
/// Fresh schemas for one test and the stores over them (each store is its own connection pool, like a node of its
/// own); dropped when the test ends, so runs never see each other's cases.
/// </summary>
internal sealed class TestSchemas : IAsyncDisposable
{
    private readonly List<PostgreSqlComplaintStore> _stores = [];
    private readonly HashSet<string> _schemas = [];
    private string? _connectionString;

    /// <summary>The server's connection string; skips the test if there is no server.</summary>
    public async Task<string> ConnectionStringAsync() => _connectionString ??= await PostgreSqlServer.RequireAsync();

    /// <summary>A new schema name, dropped at the end of the test.</summary>
    public async Task<string> NewSchemaAsync()
    {
        await ConnectionStringAsync();
        var schema = PostgreSqlServer.NewSchemaName();
        _schemas.Add(schema);
        return schema;
    }

    /// <summary>A store over <paramref name="schema"/> (a new schema if <see langword="null"/>) with its own pool.</summary>
    public async Task<PostgreSqlComplaintStore> NewStoreAsync(string? schema = null, bool migrate = true, bool prepare = true)
    {
        var connectionString = await ConnectionStringAsync();
        schema ??= await NewSchemaAsync();
        _schemas.Add(schema);
        var store = new PostgreSqlComplaintStore(connectionString, new PostgreSqlStoreOptions { Schema = schema, MigrateSchema = migrate, PrepareStatements = prepare });
        _stores.Add(store);
        return store;
    }

    /// <summary>Runs <paramref name="sql"/> on a connection of its own.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The first row of <paramref name="sql"/>, by column name; <see langword="null"/> values as <see langword="null"/>.</summary>
    public async Task<IReadOnlyDictionary<string, object?>> RowAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue("the query \"{0}\" returns a row", sql);
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    /// <summary>Every value of the first column of <paramref name="sql"/>.</summary>
    public async Task<IReadOnlyList<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (_connectionString is null || _schemas.Count == 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        foreach (var schema in _schemas)
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
