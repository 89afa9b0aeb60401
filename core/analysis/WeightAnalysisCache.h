#pragma once
#include "core/analysis/GateInputs.h"
#include "core/analysis/GateSubspace.h"
#include "core/analysis/SoftmaxSvd.h"
#include "core/analysis/WeightChoice.h"
#include "core/model/Model.h"

#include <map>
#include <memory>
#include <mutex>
#include <tuple>

// The weight analyses depend on the model alone, so each is computed once per model and kept.
// Thread-safe: a view may ask from a worker thread (the gate subspace SVD of a 512-unit layer
// takes ~100 ms, see tests/benchmarks/bench_analyses.cpp) and read the result on the UI thread.
// Two threads asking for the same missing result may both compute it; the first stored wins.
namespace folkrnn::analysis {

class WeightAnalysisCache {
public:
    explicit WeightAnalysisCache(std::shared_ptr<const Model> model);

    const std::shared_ptr<const Model> &model() const { return model_; }

    // Each throws InputError for a layer the model lacks (layers from 0).
    std::shared_ptr<const RowMatrixXd> gramian(const WeightChoice &choice);
    std::shared_ptr<const SoftmaxSvd> softmaxSvd();
    std::shared_ptr<const GateInputSummary> gateInputs(int layer);
    std::shared_ptr<const GateSubspace> subspace(int layer, Gate gate);
    std::shared_ptr<const RowMatrixXd> inputRecurrentCosines(int layer, Gate gate);

    // Whether the subspace of (layer, gate) is already computed: a view that finds it missing
    // computes it off the UI thread.
    bool hasSubspace(int layer, Gate gate) const;

private:
    enum class Kind { Gramian, Svd, GateInputs, Subspace, Cosines };
    using Key = std::tuple<Kind, int, int, int>;
    template <typename T, typename Compute>
    std::shared_ptr<const T> get(const Key &key, Compute compute);
    const LstmLayer &layer(int layer) const;

    std::shared_ptr<const Model> model_;
    mutable std::mutex mutex_;
    std::map<Key, std::shared_ptr<const void>> results_;
};

} // namespace folkrnn::analysis
