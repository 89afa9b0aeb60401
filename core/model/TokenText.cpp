#include "core/model/TokenText.h"

#include "core/util/Error.h"

#include <sstream>
#include <unordered_map>

namespace folkrnn {

std::vector<int> encodeTokens(const std::vector<std::string> &vocabulary, const std::string &text,
                              const std::string &what)
{
    std::unordered_map<std::string, int> index;
    for (std::size_t i = 0; i < vocabulary.size(); ++i)
        index.emplace(vocabulary[i], static_cast<int>(i));
    std::istringstream in(text);
    std::string tok;
    std::vector<int> ids;
    std::vector<std::string> unknown;
    while (in >> tok) {
        auto it = index.find(tok);
        if (it == index.end()) {
            if (unknown.size() < 8)
                unknown.push_back(tok);
            continue;
        }
        ids.push_back(it->second);
    }
    if (!unknown.empty()) {
        std::string list;
        for (const auto &u : unknown)
            list += (list.empty() ? "\"" : ", \"") + u + "\"";
        throw InputError(what, "not in the model's vocabulary: " + list);
    }
    return ids;
}

std::string decodeTokens(const std::vector<std::string> &vocabulary, const std::vector<int> &ids)
{
    std::string out;
    for (int id : ids) {
        if (!out.empty())
            out += ' ';
        out += vocabulary.at(static_cast<std::size_t>(id));
    }
    return out;
}

} // namespace folkrnn
