using System.Text.Json;
using Azure.Data.Tables;
using VoortgangApi.Core;

namespace VoortgangApi.Storage;

// Rows keep the domain object as JSON in one "Data" column: the read side always needs whole objects, and
// nested lists (parties, sources) have no natural column form. Keys stay real columns for point reads.
internal static class EntityJson
{
    public const string DataKolom = TableKeys.DataKolom;

    public static TableEntity Naar<T>(string partitie, string rij, T waarde) =>
        new(partitie, rij) { [DataKolom] = JsonSerializer.Serialize(waarde, VoortgangJson.Options) };

    public static T Van<T>(TableEntity entity) =>
        JsonSerializer.Deserialize<T>(entity.GetString(DataKolom), VoortgangJson.Options)
        ?? throw new InvalidDataException($"Rij {entity.PartitionKey}/{entity.RowKey} heeft geen gegevens.");
}
