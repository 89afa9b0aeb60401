#pragma once
#include "core/analysis/CorpusQuery.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QThread;

namespace folkrnn::widgets {

// The corpus half of the pattern query view: where to run (a seed range or a token corpus file,
// teacher-forced), which annotation to line the pattern up with, and the ranked units with how
// often their pattern precedes it. The query runs on a worker thread with progress and cancel;
// the view stays usable meanwhile. It needs the model (setModel) to record runs.
class CorpusQueryPanel : public QWidget {
    Q_OBJECT
public:
    explicit CorpusQueryPanel(QWidget *parent = nullptr);
    ~CorpusQueryPanel() override;

    void setModel(std::shared_ptr<const folkrnn::Model> model);
    const std::shared_ptr<const folkrnn::Model> &model() const { return model_; }

    // The corpus and targets the controls describe. Throw InputError (a missing or malformed
    // file, a token the model lacks, an unknown annotation).
    folkrnn::analysis::CorpusSpec corpusFromControls() const;
    std::vector<folkrnn::analysis::AnnotationKey> targetsFromControls() const;
    // Controls, for the owning view and tests.
    void setSeedRange(int first, int last);
    void setCorpusFile(const QString &path); // empty: seeds
    void setTargetText(const QString &text);

    // Starts a run in the background; false when one is running or there is no model.
    bool start(folkrnn::analysis::CorpusSpec corpus, folkrnn::analysis::CorpusQuerySettings settings);
    void cancel();
    bool running() const { return worker_ != nullptr; }
    // The last finished (or cancelled) run's result and settings; null before the first.
    const folkrnn::analysis::CorpusQueryResult *result() const { return result_ ? &*result_ : nullptr; }
    const folkrnn::analysis::CorpusQuerySettings &settings() const { return settings_; }
    QTableWidget *table() const { return table_; }
    void showMessage(const QString &text);

signals:
    // The Run button: the owning view supplies the units and pattern and calls start().
    void startRequested();
    // A result row was clicked.
    void unitChosen(int layer, int unit);
    void finished();

private:
    void onProgress(int done, int total);
    void onFinished(folkrnn::analysis::CorpusQueryResult result, QString error);
    void fillTable();
    void updateControls();

    std::shared_ptr<const folkrnn::Model> model_;
    QComboBox *source_;
    QSpinBox *seedFirst_;
    QSpinBox *seedLast_;
    QLineEdit *file_;
    QLineEdit *target_;
    QPushButton *run_;
    QPushButton *cancel_;
    QProgressBar *progress_;
    QLabel *message_;
    QTableWidget *table_;
    QThread *worker_ = nullptr;
    std::atomic<bool> cancelled_{false};
    std::optional<folkrnn::analysis::CorpusQueryResult> result_;
    folkrnn::analysis::CorpusQuerySettings settings_;
};

} // namespace folkrnn::widgets
