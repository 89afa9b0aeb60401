#include "widgets/common/TokenOrder.h"

#include <QCoreApplication>

namespace folkrnn::widgets {

TokenOrder::TokenOrder(std::shared_ptr<const std::vector<std::string>> vocabulary)
    : vocabulary_(std::move(vocabulary))
{
    if (!vocabulary_)
        return;
    order_ = folkrnn::displayOrder(*vocabulary_);
    rowOf_.assign(vocabulary_->size(), -1);
    for (std::size_t row = 0; row < order_.size(); ++row)
        rowOf_[static_cast<std::size_t>(order_[row])] = static_cast<int>(row);
    for (int row = 0; row < size(); ++row) {
        const auto c = folkrnn::classifyToken((*vocabulary_)[static_cast<std::size_t>(order_[static_cast<std::size_t>(row)])]);
        if (groups_.empty() || groups_.back().category != c)
            groups_.push_back({c, row, row});
        else
            groups_.back().lastRow = row;
    }
}

QVector<QString> TokenOrder::rowLabels() const
{
    QVector<QString> out;
    out.reserve(size());
    for (int token : order_)
        out.push_back(QString::fromStdString((*vocabulary_)[static_cast<std::size_t>(token)]));
    return out;
}

QString categoryTitle(folkrnn::TokenCategory category)
{
    switch (category) {
    case folkrnn::TokenCategory::Meter: return QCoreApplication::translate("TokenOrder", "meter");
    case folkrnn::TokenCategory::Mode: return QCoreApplication::translate("TokenOrder", "mode");
    case folkrnn::TokenCategory::Measure: return QCoreApplication::translate("TokenOrder", "measure");
    case folkrnn::TokenCategory::Pitch: return QCoreApplication::translate("TokenOrder", "pitch");
    case folkrnn::TokenCategory::Rest: return QCoreApplication::translate("TokenOrder", "rest");
    case folkrnn::TokenCategory::Duration: return QCoreApplication::translate("TokenOrder", "duration");
    case folkrnn::TokenCategory::Grouping: return QCoreApplication::translate("TokenOrder", "grouping");
    case folkrnn::TokenCategory::Special: return QCoreApplication::translate("TokenOrder", "special");
    case folkrnn::TokenCategory::Other: return QCoreApplication::translate("TokenOrder", "other");
    }
    return {};
}

} // namespace folkrnn::widgets
