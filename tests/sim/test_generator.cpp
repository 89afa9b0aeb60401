// Stepping, undo, cancellation, settings validation and the intervention hook of the Generator.
#include "core/model/Model.h"
#include "core/sim/Generator.h"
#include "core/sim/LowerLayerCache.h"
#include "core/util/Error.h"
#include "common/RandomModel.h"

#include <QtTest>

using namespace folkrnn;

class TestGenerator : public QObject {
    Q_OBJECT
    std::shared_ptr<const Model> model = std::make_shared<const Model>(testsupport::randomModel(3, 32, 7));

private slots:
    void stepBackAndForthIsExact()
    {
        GenerationSettings s;
        s.seed = 3;
        Generator gen(model, s);
        for (int k = 0; k < 40 && !gen.finished(); ++k)
            gen.stepForward();
        const Run reference = gen.run();
        const int n = reference.steps();
        QVERIFY(n > 5);
        for (int k = 0; k < n - 2; ++k)
            gen.stepBack();
        QCOMPARE(gen.run().steps(), 2);
        while (gen.run().steps() < n)
            gen.stepForward();
        QCOMPARE(gen.run().tokens(), reference.tokens());
        QVERIFY(gen.run().logProbMatrix() == reference.logProbMatrix());
        for (int l = 0; l < 3; ++l)
            for (Signal sig : kSignals)
                QVERIFY(gen.run().signalMatrix(l, sig) == reference.signalMatrix(l, sig));
    }

    void primeIsTakenAsGiven()
    {
        GenerationSettings s;
        s.prime = {model->tokenIndex("M:4/4"), model->tokenIndex("K:Cmaj"), model->tokenIndex("|:")};
        Generator gen(model, s);
        gen.runToEnd();
        QVERIFY(gen.run().steps() >= 3);
        for (int t = 0; t < 3; ++t) {
            QCOMPARE(gen.run().token(t), s.prime[t]);
            QVERIFY(gen.run().forced(t));
        }
        QCOMPARE(gen.sampler().draws(), quint64(2 * (gen.run().steps() - 3)));
    }

    void teacherForcedFollowsTheTune()
    {
        GenerationSettings s;
        s.forcedTune = {model->tokenIndex("M:3/4"), model->tokenIndex("K:Cmin"), model->tokenIndex("C"),
                        model->endToken()};
        Generator gen(model, s);
        gen.runToEnd();
        QCOMPARE(gen.run().tokens(), s.forcedTune);
        QCOMPARE(gen.sampler().draws(), quint64(0));
    }

    void cancelStopsEarly()
    {
        GenerationSettings s;
        s.maxLength = 500;
        Generator gen(model, s);
        QVERIFY(!gen.runToEnd([](int step) { return step < 5; }));
        QCOMPARE(gen.run().steps(), 5);
    }

    void badSettingsAreRefused_data()
    {
        QTest::addColumn<double>("temperature");
        QTest::addColumn<int>("maxLength");
        QTest::newRow("temperature 0") << 0.0 << 100;
        QTest::newRow("temperature negative") << -1.0 << 100;
        QTest::newRow("temperature nan") << std::nan("") << 100;
        QTest::newRow("max length 0") << 1.0 << 0;
        QTest::newRow("max length 10^9") << 1.0 << 1000000000;
    }
    void badSettingsAreRefused()
    {
        QFETCH(double, temperature);
        QFETCH(int, maxLength);
        GenerationSettings s;
        s.temperature = temperature;
        s.maxLength = maxLength;
        QVERIFY_THROWS_EXCEPTION(InputError, Generator(model, s));
    }

    void emptyInterventionsAreBitIdentical()
    {
        GenerationSettings s;
        s.seed = 8;
        Generator a(model, s), b(model, s);
        InterventionSet set;
        set.items.push_back({0, {1, 2}, InterventionTarget::Hidden, InterventionKind::Clamp, 0.5, 0, 1000, false});
        b.setInterventions(set); // disabled: no effect
        a.runToEnd();
        b.runToEnd();
        QCOMPARE(a.run().tokens(), b.run().tokens());
        QVERIFY(a.run().logProbMatrix() == b.run().logProbMatrix());
    }

    void clampReadsExactlyTheValue()
    {
        GenerationSettings s;
        s.seed = 8;
        Generator gen(model, s);
        gen.runToEnd();
        const int before = gen.run().steps();
        InterventionSet set;
        set.items.push_back({1, {4, 9}, InterventionTarget::Hidden, InterventionKind::Clamp, 0.75, 2, 6, true});
        set.items.push_back({2, {3}, InterventionTarget::Cell, InterventionKind::Clamp, -2.0, 0, 1000, true});
        gen.setInterventions(set);
        QVERIFY(gen.run().steps() > 6 || gen.finished());
        for (int t = 0; t < gen.run().steps(); ++t) {
            const bool in = t >= 2 && t <= 6;
            if (in) {
                QCOMPARE(gen.run().signal(t, 1, Signal::H)[4], 0.75f);
                QCOMPARE(gen.run().signal(t, 1, Signal::H)[9], 0.75f);
            }
            QCOMPARE(gen.run().signal(t, 2, Signal::C)[3], -2.0f);
            const float o = gen.run().signal(t, 2, Signal::O)[3];
            QVERIFY(std::abs(gen.run().signal(t, 2, Signal::H)[3] - o * std::tanh(-2.0f)) < 1e-6f);
        }
        // Removing them restores the untouched run exactly (same RNG stream).
        Generator fresh(model, s);
        fresh.runToEnd();
        gen.setInterventions({});
        QCOMPARE(gen.run().tokens(), fresh.run().tokens());
        Q_UNUSED(before);
    }

    // A re-run after an intervention change takes the layers below the change from the run before
    // it (LowerLayerCache); whatever it takes, the run must be bit for bit the one computed in full.
    void reRunEqualsAFullRun_data()
    {
        QTest::addColumn<bool>("forced");
        QTest::addColumn<int>("layer");
        QTest::addColumn<int>("reused"); // layers the last re-run step took (teacher-forced)
        QTest::addColumn<bool>("layerwise"); // re-run with runForcedLayerwise
        QTest::newRow("traced, top layer changed") << true << 2 << 2 << false;
        QTest::newRow("traced, top layer changed, layer by layer") << true << 2 << 2 << true;
        QTest::newRow("traced, middle layer changed, layer by layer") << true << 1 << 1 << true;
        QTest::newRow("traced, first layer changed") << true << 0 << 0 << false;
        QTest::newRow("traced, first layer changed, layer by layer") << true << 0 << 0 << true;
        QTest::newRow("sampled, top layer changed") << false << 2 << -1 << false;
    }
    void reRunEqualsAFullRun()
    {
        QFETCH(bool, forced);
        QFETCH(int, layer);
        QFETCH(int, reused);
        QFETCH(bool, layerwise);
        const std::atomic<bool> go{false};
        GenerationSettings s;
        s.maxLength = 120;
        // A seed whose tune is long enough to cut a re-run short in the middle of it.
        for (s.seed = 1; s.seed < 500; ++s.seed) {
            Generator probe(model, s);
            probe.runToEnd();
            if (probe.run().steps() > 30)
                break;
        }
        QVERIFY(s.seed < 500);
        if (forced) {
            Generator source(model, s);
            source.runToEnd();
            s.forcedTune = source.run().tokens();
        }
        auto clamp = [&](double value, int from) {
            InterventionSet set;
            // An unchanged clamp on a lower layer: the kept layers must carry its effect.
            if (layer > 0)
                set.items.push_back({layer - 1, {5}, InterventionTarget::Hidden, InterventionKind::Clamp, 0.3, 0, 1000, true});
            set.items.push_back({layer, {2, 7}, InterventionTarget::Cell, InterventionKind::Clamp, value, from, 1000, true});
            return set;
        };
        auto expectSame = [&](const Generator &got, const InterventionSet &set) {
            Generator full(model, s);
            full.setInterventions(set);
            full.runToEnd();
            QCOMPARE(got.run().tokens(), full.run().tokens());
            QVERIFY(got.run().logProbMatrix() == full.run().logProbMatrix());
            for (int l = 0; l < 3; ++l)
                for (Signal sig : kSignals)
                    QVERIFY2(got.run().signalMatrix(l, sig) == full.run().signalMatrix(l, sig),
                             qPrintable(QStringLiteral("layer %1 signal %2").arg(l).arg(signalName(sig))));
        };

        Generator gen(model, s);
        // Replaces the set (the re-run starts at `from`), runs to the end and compares.
        auto rerun = [&](const InterventionSet &set, int from, int reusedLayers) {
            QCOMPARE(gen.replaceInterventions(set), from);
            QCOMPARE(gen.run().steps(), from);
            if (layerwise) {
                const std::atomic<bool> stop{true};
                QVERIFY(!gen.runForcedLayerwise(INT_MAX, stop)); // cancelled: the run is as it was
                QCOMPARE(gen.run().steps(), from);
                // Layer by layer unless only the top layer is left to compute.
                QCOMPARE(gen.runForcedLayerwise(INT_MAX, go), reusedLayers < 2);
                QCOMPARE(gen.finished(), reusedLayers < 2);
            }
            gen.runToEnd();
            if (reusedLayers >= 0)
                QCOMPARE(gen.simulator().reusedLayers(), reusedLayers);
            expectSame(gen, set);
        };
        gen.setInterventions(clamp(0.5, 3));
        if (layerwise)
            QVERIFY(gen.runForcedLayerwise(INT_MAX, go));
        gen.runToEnd();
        if (layerwise)
            expectSame(gen, clamp(0.5, 3));
        // A finished run re-run under a new value, from the first step the changed clamp acts on
        // (the unchanged one below acts from 0).
        rerun(clamp(-1.5, 3), 3, reused);

        // A re-run cut short by the next change (a slider drag), which starts earlier.
        gen.replaceInterventions(clamp(2.0, 5));
        for (int k = 0; k < 10 && !gen.finished(); ++k)
            gen.stepForward();
        const InterventionSet fourth = clamp(0.25, 1);
        rerun(fourth, 1, reused);

        // A change below the kept layers computes them again.
        InterventionSet lower = fourth;
        lower.items.push_back({0, {1}, InterventionTarget::Hidden, InterventionKind::Scale, 0.5, 2, 1000, true});
        rerun(lower, 2, 0);
        // Undo through steps run layer by layer restores their states exactly.
        for (int k = 0; k < 5; ++k)
            gen.stepBack();
        gen.runToEnd();
        expectSame(gen, lower);
    }

    void unchangedLayersCountsFromTheBottom()
    {
        InterventionSet a, b;
        a.items.push_back({0, {1}, InterventionTarget::Hidden, InterventionKind::Clamp, 1.0, 0, 10, true});
        a.items.push_back({2, {1}, InterventionTarget::Hidden, InterventionKind::Clamp, 1.0, 0, 10, true});
        b = a;
        QCOMPARE(LowerLayerCache::unchangedLayers(a, b, 3), 3);
        b.items[1].value = 2.0;
        QCOMPARE(LowerLayerCache::unchangedLayers(a, b, 3), 2);
        b.items.push_back({1, {4}, InterventionTarget::Cell, InterventionKind::Clamp, 1.0, 0, 10, false});
        QCOMPARE(LowerLayerCache::unchangedLayers(a, b, 3), 2); // disabled items act on nothing
        b.items.back().enabled = true;
        QCOMPARE(LowerLayerCache::unchangedLayers(a, b, 3), 1);
        b.items[0].toStep = 11;
        QCOMPARE(LowerLayerCache::unchangedLayers(a, b, 3), 0);
    }
};

QTEST_APPLESS_MAIN(TestGenerator)
#include "test_generator.moc"
