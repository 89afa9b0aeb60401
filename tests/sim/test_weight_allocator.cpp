// The weights' storage: small blocks on cache lines, large ones on 2 MiB boundaries advised for
// huge pages, and the kernels' matrices built on it hold the values they were given.
#include "core/sim/LstmStep.h"
#include "core/sim/RowGroups.h"
#include "core/sim/WeightAllocator.h"

#include <QtTest>

#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace folkrnn;

namespace {

std::uintptr_t address(const void *p) { return reinterpret_cast<std::uintptr_t>(p); }

// The VmFlags line of the mapping holding `p` in /proc/self/smaps ("" when not found).
std::string mappingFlags(const void *p)
{
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        std::uintptr_t lo = 0, hi = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> lo >> dash >> hi && dash == '-' && line.find(':') > line.find(' ')) {
            inside = lo <= address(p) && address(p) < hi;
            continue;
        }
        if (inside && line.rfind("VmFlags:", 0) == 0)
            return line;
    }
    return {};
}

} // namespace

class TestWeightAllocator : public QObject {
    Q_OBJECT
private slots:
    void smallBlocksSitOnCacheLines()
    {
        for (std::size_t n : {1u, 7u, 1000u, 500000u}) {
            std::vector<float, WeightAllocator<float>> v(n, 1.5f);
            QCOMPARE(address(v.data()) % 64, std::uintptr_t(0));
            QCOMPARE(v.back(), 1.5f);
        }
    }

    void largeBlocksSitOnHugePages()
    {
        // 3 MiB and a float: not a multiple of the huge page, so the block is padded.
        const std::size_t n = (std::size_t(3) << 20) / sizeof(float) + 1;
        std::vector<float, WeightAllocator<float>> v(n);
        for (std::size_t k = 0; k < n; ++k)
            v[k] = float(k);
        QCOMPARE(address(v.data()) % (std::size_t(2) << 20), std::uintptr_t(0));
        QCOMPARE(v[n - 1], float(n - 1));
#if defined(__linux__)
        // The advice is on the mapping whether or not the system grants huge pages ("hg").
        // (Where the kernel has no transparent huge pages, or /proc shows no VmFlags, nothing to see.)
        const std::string flags = mappingFlags(v.data());
        if (QFile::exists("/sys/kernel/mm/transparent_hugepage/enabled") && !flags.empty())
            QVERIFY2(flags.find(" hg") != std::string::npos, flags.c_str());
#endif
        v.assign(10, 2.0f); // a growing/shrinking vector frees what it allocated the right way
        v.shrink_to_fit();
        QCOMPARE(address(v.data()) % 64, std::uintptr_t(0));
    }

    void layerWeightsKeepTheirValues()
    {
        // A layer of the 3x512 model: 2048 rows of 1024 float32, 8 MiB.
        std::mt19937 rng(5);
        std::normal_distribution<float> n(0.0f, 0.1f);
        const RowMatrixXf W = RowMatrixXf::NullaryExpr(2048, 1024, [&] { return n(rng); });
        const RowGroups grouped(W);
        QCOMPARE(address(grouped.group(0)) % (std::size_t(2) << 20), std::uintptr_t(0));
        for (int r = 0; r < 2048; r += 97)
            for (int c = 0; c < 1024; c += 31)
                QCOMPARE(grouped(r, c), W(r, c));
        const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(1024, -1.0, 1.0);
        Eigen::VectorXd got = Eigen::VectorXd::Zero(2048);
        accumulateGroups(grouped, 0, 2048, x, got);
        const Eigen::VectorXd expected = W.cast<double>() * x;
        QVERIFY((got - expected).cwiseAbs().maxCoeff() < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestWeightAllocator)
#include "test_weight_allocator.moc"
