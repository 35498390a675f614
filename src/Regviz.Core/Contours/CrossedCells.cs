using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Regviz.Core.Contours;

/// <summary>
/// Finds the cells of a grid row that a level crosses without looking at each cell: each node row becomes a bit
/// mask of "value &gt; level" (4 nodes per AVX2 compare), and a cell is crossed exactly when its four corner bits
/// are not all equal, which a few word-wide XORs decide for 64 cells at a time. Marching squares then visits only
/// those cells, in increasing column order, so it makes the same segments in the same order as a cell-by-cell
/// scan. The comparison is the scan's own (<c>v &gt; level</c>, false for NaN), so the two agree on every value.
/// </summary>
internal sealed class CrossedCells
{
    private readonly ScalarGrid _grid;
    private readonly double _level;
    private readonly int _words;
    private ulong[] _lower, _upper;
    private readonly ulong[] _crossed;
    private int _lowerRow = -1, _upperRow = -1;

    public CrossedCells(ScalarGrid grid, double level)
    {
        _grid = grid;
        _level = level;
        _words = (grid.Nodes + 63) / 64;
        _lower = new ulong[_words];
        _upper = new ulong[_words];
        _crossed = new ulong[_words];
    }

    /// <summary>
    /// Bit i of word i / 64 set when cell i of cell row <paramref name="j"/> (between node rows j and j + 1) has
    /// corners on both sides of the level. The span is overwritten by the next call.
    /// </summary>
    public ReadOnlySpan<ulong> Row(int j)
    {
        var crossed = _crossed;
        // node row j + 1 of this cell row is node row j of the next one: keep its mask rather than compare again
        if (_upperRow == j) { (_lower, _upper) = (_upper, _lower); (_lowerRow, _upperRow) = (_upperRow, -1); }
        if (_lowerRow != j) { Mask(j, _lower); _lowerRow = j; }
        if (_upperRow != j + 1) { Mask(j + 1, _upper); _upperRow = j + 1; }
        for (int w = 0; w < _words; w++)
        {
            ulong lower = _lower[w], vertical = lower ^ _upper[w];
            // the same bits of node i + 1: the next word's lowest bit comes in at the top
            ulong lowerNext = (lower >> 1) | (w + 1 < _words ? _lower[w + 1] << 63 : 0);
            ulong verticalNext = (vertical >> 1) | (w + 1 < _words ? (_lower[w + 1] ^ _upper[w + 1]) << 63 : 0);
            crossed[w] = vertical | verticalNext | (lower ^ lowerNext);
        }
        // the last node starts no cell
        int cells = _grid.Cells;
        crossed[cells / 64] &= (1UL << (cells % 64)) - 1;
        for (int w = cells / 64 + 1; w < _words; w++) crossed[w] = 0;
        return crossed;
    }

    private void Mask(int row, ulong[] bits)
    {
        int n = _grid.Nodes;
        var values = _grid.Values.AsSpan(row * n, n);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // 64 nodes (16 compares) make one word, written once
            var level = Vector256.Create(_level);
            ref double first = ref MemoryMarshal.GetReference(values);
            for (; i + 64 <= n; i += 64)
            {
                ulong word = 0;
                for (int k = 0; k < 64; k += 4)
                    word |= (ulong)Vector256.GreaterThan(Vector256.LoadUnsafe(ref first, (nuint)(i + k)), level).ExtractMostSignificantBits() << k;
                bits[i >> 6] = word;
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var level = Vector128.Create(_level);
            ref double first = ref MemoryMarshal.GetReference(values);
            for (; i + 64 <= n; i += 64)
            {
                ulong word = 0;
                for (int k = 0; k < 64; k += 2)
                    word |= (ulong)Vector128.GreaterThan(Vector128.LoadUnsafe(ref first, (nuint)(i + k)), level).ExtractMostSignificantBits() << k;
                bits[i >> 6] = word;
            }
        }
        // the rest one node at a time (all of it without vector hardware)
        for (int w = i >> 6; w < bits.Length; w++) bits[w] = 0;
        for (; i < n; i++)
            if (values[i] > _level) bits[i >> 6] |= 1UL << (i & 63);
    }
}
