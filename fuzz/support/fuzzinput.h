#pragma once

#include "json/dataerror.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

// What the fuzz targets share: the loaders read files, so a target hands them its input as one.
namespace ace::fuzz {

// Writes `size` bytes to a file of this process's temporary folder and returns its path. The
// same `name` reuses the same file, so a run does not fill the disk.
QString inputFile(const std::uint8_t* data, std::size_t size, const QString& name);
QString inputFile(const QByteArray& bytes, const QString& name);

// What `load(path, name)` (Catalog::load, PriceBook::load, Workload::load) makes of the bytes
// written to the file `name`; nullopt when it refuses them with a DataError, as it may.
template <typename Load>
auto loadInput(const QByteArray& bytes, const QString& name, Load load)
    -> std::optional<decltype(load(name, name))>
{
    try {
        return load(inputFile(bytes, name), name);
    } catch (const DataError&) {
        return std::nullopt;
    }
}

template <typename Load>
auto loadInput(const std::uint8_t* data, std::size_t size, const QString& name, Load load)
{
    return loadInput(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)),
        name, load);
}

// The input cut at every line that is exactly `---` (the parts of a multi-file input, as in
// the fuzz_costpipeline seeds: a workload, then a price book, then a catalog).
QList<QByteArray> splitParts(const std::uint8_t* data, std::size_t size);

// Reports a broken invariant and aborts, so libFuzzer keeps the input as a crash.
[[noreturn]] void invariantFailed(const char* file, int line, const char* condition,
                                  const QString& detail);

} // namespace ace::fuzz

// Checks an invariant of the program under fuzzing (not an input check: the input may be
// anything, the invariant must hold whatever it is).
#define ACE_FUZZ_REQUIRE(condition, detail)                                                        \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::ace::fuzz::invariantFailed(__FILE__, __LINE__, #condition, (detail));                \
    } while (false)
