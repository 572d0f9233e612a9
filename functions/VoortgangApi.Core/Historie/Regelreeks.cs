namespace VoortgangApi.Core.Historie;

/// <summary>
/// The log's lines in blocks of fixed size that are filled once and never moved, so appending never copies the lines
/// before it (a list that doubles would copy them all). One writer appends; readers see the first <c>n</c> lines of
/// the state they were handed through <see cref="Tot"/>, which later appends do not change.
/// </summary>
public sealed class Regelreeks
{
    private const int Blokgrootte = 4096;
    private Logregel[][] _blokken = [];
    private long _aantal;

    /// <param name="eerste">The number of the first line this series holds (1 for a whole log).</param>
    public Regelreeks(long eerste = 1) => Eerste = eerste;

    public long Eerste { get; }

    public long Aantal => Volatile.Read(ref _aantal);

    /// <summary>Appends one line; only the one writer (the log's loader, under its lock) calls this.</summary>
    public void Voeg(Logregel regel)
    {
        var i = _aantal;
        var blok = (int)(i / Blokgrootte);
        if (blok == _blokken.Length)
        {
            // Only the array of block references grows (one reference per 4,096 lines), never a block.
            var meer = new Logregel[blok + 1][];
            Array.Copy(_blokken, meer, blok);
            meer[blok] = new Logregel[Blokgrootte];
            _blokken = meer;
        }

        _blokken[blok][i % Blokgrootte] = regel;
        Volatile.Write(ref _aantal, i + 1);
    }

    public Logregel this[long index] => _blokken[(int)(index / Blokgrootte)][index % Blokgrootte];

    /// <summary>The first <paramref name="aantal"/> lines as a read-only list, without copying.</summary>
    public IReadOnlyList<Logregel> Tot(long aantal) => new Weergave(this, (int)aantal);

    private sealed class Weergave(Regelreeks reeks, int aantal) : IReadOnlyList<Logregel>
    {
        public int Count => aantal;

        public Logregel this[int index] => (uint)index < (uint)aantal ? reeks[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<Logregel> GetEnumerator()
        {
            for (var i = 0; i < aantal; i++)
            {
                yield return reeks[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
