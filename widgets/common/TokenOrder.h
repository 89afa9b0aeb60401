#pragma once
#include "core/abc/TokenCategory.h"

#include <QString>
#include <QVector>

#include <memory>
#include <string>
#include <vector>

namespace folkrnn::widgets {

// A vocabulary laid out along a plot axis in core's display order, grouped by category: which
// token sits on which row, and where each category's rows begin and end.
class TokenOrder {
public:
    struct Group {
        folkrnn::TokenCategory category;
        int firstRow = 0;
        int lastRow = 0;
        double centre() const { return 0.5 * (firstRow + lastRow); }
    };

    TokenOrder() = default;
    explicit TokenOrder(std::shared_ptr<const std::vector<std::string>> vocabulary);

    bool sameVocabulary(const std::shared_ptr<const std::vector<std::string>> &v) const { return v == vocabulary_; }
    int size() const { return static_cast<int>(order_.size()); }
    int tokenAtRow(int row) const { return order_[static_cast<std::size_t>(row)]; }
    int rowOfToken(int token) const { return rowOf_[static_cast<std::size_t>(token)]; }
    const std::vector<Group> &groups() const { return groups_; }
    // Token texts in row order, as axis labels.
    QVector<QString> rowLabels() const;

private:
    std::shared_ptr<const std::vector<std::string>> vocabulary_;
    std::vector<int> order_;
    std::vector<int> rowOf_;
    std::vector<Group> groups_;
};

// The category name shown to users ("meter", "pitch"...), translated.
QString categoryTitle(folkrnn::TokenCategory category);

} // namespace folkrnn::widgets
