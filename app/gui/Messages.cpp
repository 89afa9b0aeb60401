#include "Messages.h"

#include "core/model/Model.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>

namespace folkrnn::gui {

namespace {
// lupdate files a tr() call under its enclosing class; a free function has none, so its strings
// take the context "About" from this class.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(About)
};
} // namespace

QMessageBox *showError(QWidget *parent, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
    return box;
}

QString modelFileFilter()
{
    return QCoreApplication::translate("FileDialogs", "folk-rnn models (*.h5 *.hdf5 *.pkl);;All files (*)");
}

QString aboutText(const folkrnn::Model *model, const QString &modelPath)
{
    const auto esc = [](const std::string &s) { return QString::fromStdString(s).toHtmlEscaped(); };
    QString html = Text::tr("<h3>folk-rnn Inspector %1</h3>"
                      "<p>Step through the generation of a folk-rnn LSTM music model token by token and see "
                      "what its parameters do.</p>")
                       .arg(QStringLiteral(FOLKRNN_VERSION));
    if (!model)
        return html + Text::tr("<p>No model is open.</p>");
    const folkrnn::Provenance &p = model->provenance;
    html += Text::tr("<h4>Model</h4><table>");
    const auto row = [&](const QString &name, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(name, value);
    };
    row(Text::tr("File"), QDir::toNativeSeparators(modelPath).toHtmlEscaped());
    row(Text::tr("Name"), esc(p.name));
    row(Text::tr("Source"), esc(p.source));
    row(Text::tr("Configuration"), esc(p.configuration));
    row(Text::tr("Experiment"), esc(p.experimentId));
    row(Text::tr("Epoch"), p.epoch >= 0 ? QString::number(p.epoch) : QString());
    row(Text::tr("Iterations"), p.iterations >= 0 ? QString::number(p.iterations) : QString());
    row(Text::tr("Layers"), Text::tr("%1 LSTM layers of %2 units").arg(model->numLayers()).arg(model->hiddenSize()));
    row(Text::tr("Vocabulary"), Text::tr("%1 tokens").arg(model->vocabSize()));
    row(Text::tr("Parameters"), QString::number(static_cast<qulonglong>(model->parameterCount())));
    if (!p.lossesValid.empty())
        row(Text::tr("Last validation loss"), QString::number(p.lossesValid.back(), 'g', 5));
    return html + QStringLiteral("</table>");
}

} // namespace folkrnn::gui
