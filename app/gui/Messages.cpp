#include "Messages.h"

#include "core/model/Model.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>

namespace folkrnn::gui {

QMessageBox *showError(QWidget *parent, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
    return box;
}

QString aboutText(const folkrnn::Model *model, const QString &modelPath)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("About", s); };
    const auto esc = [](const std::string &s) { return QString::fromStdString(s).toHtmlEscaped(); };
    QString html = tr("<h3>folk-rnn Inspector %1</h3>"
                      "<p>Step through the generation of a folk-rnn LSTM music model token by token and see "
                      "what its parameters do.</p>")
                       .arg(QStringLiteral(FOLKRNN_VERSION));
    if (!model)
        return html + tr("<p>No model is open.</p>");
    const folkrnn::Provenance &p = model->provenance;
    html += tr("<h4>Model</h4><table>");
    const auto row = [&](const QString &name, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(name, value);
    };
    row(tr("File"), QDir::toNativeSeparators(modelPath).toHtmlEscaped());
    row(tr("Name"), esc(p.name));
    row(tr("Source"), esc(p.source));
    row(tr("Configuration"), esc(p.configuration));
    row(tr("Experiment"), esc(p.experimentId));
    row(tr("Epoch"), p.epoch >= 0 ? QString::number(p.epoch) : QString());
    row(tr("Iterations"), p.iterations >= 0 ? QString::number(p.iterations) : QString());
    row(tr("Layers"), tr("%1 LSTM layers of %2 units").arg(model->numLayers()).arg(model->hiddenSize()));
    row(tr("Vocabulary"), tr("%1 tokens").arg(model->vocabSize()));
    row(tr("Parameters"), QString::number(static_cast<qulonglong>(model->parameterCount())));
    if (!p.lossesValid.empty())
        row(tr("Last validation loss"), QString::number(p.lossesValid.back(), 'g', 5));
    return html + QStringLiteral("</table>");
}

} // namespace folkrnn::gui
